package dev.rekey.azure.storage.internal;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import java.util.regex.Pattern;

/** The naming rule classic storage services and ARM storage accounts share. */
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
    return Check.matches(field, value, ACCOUNT, "must be 3-24 lowercase letters and digits (^[a-z0-9]{3,24}$)");
  }
}
