package dev.rekey.azure.storage.model;

import java.util.Locale;
import java.util.Optional;

/** Which key of an Azure Resource Manager storage account a call is about. */
public enum KeyName {
  /** The first account key. */
  KEY1,
  /** The second account key. */
  KEY2,
  /** The first Kerberos key (accounts joined to Active Directory). */
  KERB1,
  /** The second Kerberos key. */
  KERB2;

  /** Returns the name the API uses, e.g. {@code key1}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the partner key of the same kind: {@code key1} for {@code key2}, {@code kerb2} for
   * {@code kerb1}.
   */
  public KeyName other() {
    return switch (this) {
      case KEY1 -> KEY2;
      case KEY2 -> KEY1;
      case KERB1 -> KERB2;
      case KERB2 -> KERB1;
    };
  }

  /**
   * Returns whether this is a Kerberos key: {@code listKeys} lists those only when asked ({@link
   * ListKeysRequest#includeKerberosKeys()}), and regenerating one answers with that key alone of
   * the two.
   */
  public boolean isKerberos() {
    return this == KERB1 || this == KERB2;
  }

  /** Returns the key named {@code wireName} (any case), if it is one of the four. */
  public static Optional<KeyName> fromWireName(String wireName) {
    for (KeyName k : values()) {
      if (k.wireName().equalsIgnoreCase(wireName.trim())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
