package dev.rekey.netapp.model;

import dev.rekey.core.ValidationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Immutables' "required attributes are not set [x, y]" into a {@link ValidationException}. */
final class Missing {
  private static final Pattern ATTRIBUTES = Pattern.compile("\\[([^,\\]]+)");

  private Missing() {}

  static ValidationException from(String message) {
    Matcher m = ATTRIBUTES.matcher(message);
    String attribute = m.find() ? m.group(1).trim() : "request";
    return new ValidationException(fieldName(attribute), "null", "must not be null");
  }

  private static String fieldName(String attribute) {
    return switch (attribute) {
      case "resourceGroup" -> "resourceGroupName";
      case "account" -> "accountName";
      case "pool" -> "poolName";
      case "volume" -> "volumeName";
      case "bucket" -> "bucketName";
      default -> attribute;
    };
  }
}
