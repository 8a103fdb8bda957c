package dev.rekey.netapp.internal;

import dev.rekey.azure.internal.ArmNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The naming rules of the Azure NetApp Files reference page (Buckets - Generate Credentials),
 * exactly as stated there; each failure names the builder's field ({@code account}, not the page's
 * {@code accountName}) and the broken rule, in words and then as the page's pattern. The resource
 * group's character set is not on the page (it gives 1–90 characters only): it is ARM common-types'
 * {@code ResourceGroupNameParameter} pattern, see {@link ArmNames#resourceGroup(String)}.
 */
public final class NetAppNames {
  /** {@code accountName}: the reference's pattern, which also bounds it to 1–128 characters. */
  public static final Pattern ACCOUNT = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,127}$");

  /** {@code poolName}: 1–64 characters and this pattern. */
  public static final Pattern POOL = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,63}$");

  /** {@code volumeName}: 1–64 characters and this pattern. */
  public static final Pattern VOLUME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9\\-_]{0,63}$");

  /**
   * {@code bucketName}: 3–63 characters and this pattern (lower case, no IP-address shape, no
   * {@code ..}, {@code .-} or {@code -.}, starting and ending with a letter or digit).
   */
  public static final Pattern BUCKET =
      Pattern.compile(
          "^([a-z]|(\\d(?!\\d{0,2}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})))"
              + "([a-z\\d]|(\\.(?!(\\.|-)))|(-(?!\\.))){1,61}[a-z\\d]$");

  // What a failure says: the rule in words, then the reference's pattern it restates.
  private static final String ACCOUNT_RULE =
      "must be 1–128 letters, digits, '-' or '_' and start with a letter or digit"
          + patternOf(ACCOUNT);
  private static final String POOL_RULE =
      "must be 1–64 letters, digits, '-' or '_' and start with a letter or digit" + patternOf(POOL);
  private static final String VOLUME_RULE =
      "must be 1–64 letters, digits, '-' or '_' and start with a letter" + patternOf(VOLUME);
  private static final String BUCKET_RULE =
      "must be 3–63 lowercase letters, digits, '.' or '-', start and end with a letter or digit,"
          + " have no '..', '.-' or '-.', and not start with an IP address (four dot-separated"
          + " numbers of 1–3 digits, e.g. 192.168.5.4)"
          + patternOf(BUCKET);

  private NetAppNames() {}

  private static String patternOf(Pattern pattern) {
    return " (pattern " + pattern.pattern() + ")";
  }

  /**
   * Returns {@code value} if it is a valid subscription id.
   *
   * @throws ValidationException {@code subscriptionId "<value>" must be a UUID}
   */
  public static String subscriptionId(@Nullable String value) {
    return ArmNames.subscriptionId(Check.notNull("subscriptionId", value));
  }

  /**
   * Returns {@code value} if it is a valid resource group name (1–90 characters, ARM's characters).
   *
   * @throws ValidationException naming {@code resourceGroup} and the rule
   */
  public static String resourceGroup(@Nullable String value) {
    return ArmNames.resourceGroup(Check.notNull("resourceGroup", value));
  }

  /**
   * Returns {@code value} if it is a valid NetApp account name.
   *
   * @throws ValidationException {@code account "<value>" must be 1–128 letters, ... (pattern
   *     <pattern>)}
   */
  public static String account(@Nullable String value) {
    return Check.matches("account", value, ACCOUNT, ACCOUNT_RULE);
  }

  /**
   * Returns {@code value} if it is a valid capacity pool name.
   *
   * @throws ValidationException naming {@code pool} and the length or pattern rule
   */
  public static String pool(@Nullable String value) {
    return Check.matches("pool", Check.length("pool", value, 1, 64), POOL, POOL_RULE);
  }

  /**
   * Returns {@code value} if it is a valid volume name.
   *
   * @throws ValidationException naming {@code volume} and the length or pattern rule
   */
  public static String volume(@Nullable String value) {
    return Check.matches("volume", Check.length("volume", value, 1, 64), VOLUME, VOLUME_RULE);
  }

  /**
   * Returns {@code value} if it is a valid bucket name.
   *
   * @throws ValidationException naming {@code bucket} and the length or pattern rule
   */
  public static String bucket(@Nullable String value) {
    return Check.matches("bucket", Check.length("bucket", value, 3, 63), BUCKET, BUCKET_RULE);
  }
}
