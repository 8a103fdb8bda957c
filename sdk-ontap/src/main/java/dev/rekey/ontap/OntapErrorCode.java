package dev.rekey.ontap;

import java.util.Optional;

/**
 * The ONTAP error codes a password change meets, with readable names. A code not listed here is
 * still available as text from {@link OntapServiceException#errorCode()}.
 */
public enum OntapErrorCode {
  /** 4: entry doesn't exist (no such user account or SVM). */
  ENTRY_DOES_NOT_EXIST("4"),
  /** 7077918: the password cannot contain the user name. */
  CONTAINS_USERNAME("7077918"),
  /** 7077919: the password is shorter than the policy's minimum. */
  TOO_SHORT("7077919"),
  /** 7077920: the password must have both letters and digits. */
  NEEDS_LETTERS_AND_DIGITS("7077920"),
  /** 7077921: the password has fewer special characters than the policy asks for. */
  TOO_FEW_SPECIAL_CHARACTERS("7077921"),
  /** 7077924: the password is one of the account's last N passwords. */
  REUSED_RECENT_PASSWORD("7077924"),
  /** 7077925: the password is the account's current password. */
  SAME_AS_OLD("7077925"),
  /** 7077940: the password exceeds the longest length ONTAP supports. */
  TOO_LONG("7077940"),
  /** 7077941: the policy's composition rules need more than 128 characters. */
  COMPOSITION_EXCEEDS_MAXIMUM("7077941");

  private final String code;

  OntapErrorCode(String code) {
    this.code = code;
  }

  /** Returns ONTAP's code as text, e.g. {@code 7077919}. */
  public String code() {
    return code;
  }

  /** Returns whether this code means the new password broke the cluster's password policy. */
  public boolean isPasswordPolicyViolation() {
    return this != ENTRY_DOES_NOT_EXIST;
  }

  /** Returns the constant for ONTAP's {@code code}, or empty for a code this SDK does not know. */
  public static Optional<OntapErrorCode> fromCode(String code) {
    for (OntapErrorCode c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
