package dev.rekey.azure.internal;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import java.util.regex.Pattern;

/** The naming rules every ARM resource path shares: subscription ids and resource group names. */
public final class ArmNames {
  /** ARM's resource group characters: letters, digits, {@code _ - . ( )}, Unicode letters included. */
  public static final Pattern RESOURCE_GROUP =
      Pattern.compile("^[-\\w._()]+$", Pattern.UNICODE_CHARACTER_CLASS);

  private ArmNames() {}

  /**
   * Returns {@code value} if it is a UUID.
   *
   * @throws ValidationException {@code subscriptionId "<value>" must be a UUID}
   */
  public static String subscriptionId(String value) {
    return Check.uuid("subscriptionId", value);
  }

  /**
   * Returns {@code value} if it is a valid resource group name: 1–90 characters of letters, digits,
   * {@code _ - . ( )}, not ending in a period.
   *
   * @throws ValidationException naming the broken rule
   */
  public static String resourceGroup(String value) {
    Check.length("resourceGroupName", value, 1, 90);
    Check.matches(
        "resourceGroupName",
        value,
        RESOURCE_GROUP,
        "must contain only letters, digits, '_', '-', '.', '(' and ')'");
    if (value.endsWith(".")) {
      throw new ValidationException("resourceGroupName", Check.quote(value), "must not end with a period");
    }
    return value;
  }
}
