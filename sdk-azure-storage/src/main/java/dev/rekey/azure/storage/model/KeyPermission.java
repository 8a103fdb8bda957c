package dev.rekey.azure.storage.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What an ARM storage account key may do; older api-versions spell it {@code FULL}, newer {@code
 * Full}.
 */
public enum KeyPermission {
  /** Read-only access. */
  READ,
  /** Full access. */
  FULL;

  /** Returns the permission named {@code value} in any case, if it is a known one. */
  public static Optional<KeyPermission> parse(String value) {
    try {
      return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
