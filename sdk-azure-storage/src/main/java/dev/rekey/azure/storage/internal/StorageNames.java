package dev.rekey.azure.storage.internal;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import java.util.regex.Pattern;

/**
 * The naming rule classic storage services and ARM storage accounts share. Sources: the
 * Microsoft.Storage specs' {@code StorageAccountName} parameter (minLength 3, maxLength 24, {@code
 * ^[a-z0-9]+$}) and, for classic services, the Service Management "Create Storage Account"
 * reference ("between 3 and 24 characters in length and use numbers and lower-case letters only").
 */
public final class StorageNames {
  /** 3–24 lowercase letters and digits. */
  public static final Pattern ACCOUNT = Pattern.compile("^[a-z0-9]{3,24}$");

  private StorageNames() {}

  /**
   * Returns {@code value} if it is a valid storage account name.
   *
   * @throws ValidationException {@code <field> "<value>" must be 3-24 lowercase letters and digits}
   */
  public static String account(String field, String value) {
    return Check.matches(
        field, value, ACCOUNT, "must be 3-24 lowercase letters and digits (^[a-z0-9]{3,24}$)");
  }
}
