package dev.rekey.azure.internal;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import java.util.regex.Pattern;

/**
 * The naming rules every ARM resource path shares: subscription ids and resource group names.
 * Sources: the resource group rule is ARM common-types' {@code ResourceGroupNameParameter}
 * (azure-rest-api-specs {@code specification/common-types/resource-management/v5/types.json}:
 * minLength 1, maxLength 90, pattern {@code ^[-\w\._\(\)]+$}) plus "can't end with period" from
 * Microsoft Learn, "Naming rules and restrictions for Azure resources" (Microsoft.Resources,
 * resourcegroups).
 */
public final class ArmNames {
  /**
   * ARM's resource group characters, common-types' {@code ^[-\w\._\(\)]+$}: letters, digits, {@code
   * _ - . ( )}, Unicode letters included.
   */
  public static final Pattern RESOURCE_GROUP =
      Pattern.compile("^[-\\w._()]+$", Pattern.UNICODE_CHARACTER_CLASS);

  private ArmNames() {}

  private static final Pattern API_VERSION = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(-[a-zA-Z]+)?$");

  /**
   * Returns {@code value} if it is an ARM api-version: a date, optionally with a suffix such as
   * {@code -preview}.
   *
   * @throws ValidationException {@code apiVersion "<value>" must look like 2023-01-01 or
   *     2023-01-01-preview}
   */
  public static String apiVersion(String value) {
    return Check.matches(
        "apiVersion", value, API_VERSION, "must look like 2023-01-01 or 2023-01-01-preview");
  }

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
   * @throws ValidationException naming {@code resourceGroup} (the builders' field) and the broken
   *     rule
   */
  public static String resourceGroup(String value) {
    Check.length("resourceGroup", value, 1, 90);
    Check.matches(
        "resourceGroup",
        value,
        RESOURCE_GROUP,
        "must contain only letters, digits, '_', '-', '.', '(' and ')'");
    if (value.endsWith(".")) {
      throw new ValidationException(
          "resourceGroup", Check.quote(value), "must not end with a period");
    }
    return value;
  }
}
