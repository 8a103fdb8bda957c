package dev.rekey.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The password rules an {@link OntapEmulator} enforces, with ONTAP's own error codes (7077918 to
 * 7077941) so clients meet the errors a real cluster sends.
 *
 * @param minLength fewest characters (ONTAP's {@code -passwd-minlength}, default 8)
 * @param minSpecialCharacters fewest non-alphanumeric characters (default 0)
 * @param requireLettersAndDigits whether both letters and digits are needed (default true)
 * @param historyCount how many previous passwords may not be reused (default 6)
 */
public record OntapPasswordPolicy(
    int minLength, int minSpecialCharacters, boolean requireLettersAndDigits, int historyCount) {

  /** The longest password ONTAP accepts. */
  public static final int MAX_LENGTH = 128;

  /** Returns ONTAP's default policy: 8 characters, letters and digits, last 6 not reused. */
  public static OntapPasswordPolicy defaults() {
    return new OntapPasswordPolicy(8, 0, true, 6);
  }

  /** A broken rule: ONTAP's error code and message. */
  record Violation(String code, String message) {}

  /**
   * Returns the first rule {@code candidate} breaks, checked in ONTAP's order, or empty. {@code
   * previous} holds the current password first, then older ones.
   */
  Optional<Violation> check(String user, String candidate, List<String> previous) {
    if (candidate.length() > MAX_LENGTH) {
      return Optional.of(
          new Violation("7077940", "The password exceeds maximum supported length."));
    }
    if (minLength + minSpecialCharacters > MAX_LENGTH) {
      return Optional.of(
          new Violation(
              "7077941",
              "Defined password composition exceeds the maximum password length of 128 characters."));
    }
    if (candidate.length() < minLength) {
      return Optional.of(
          new Violation(
              "7077919", "The minimum length for new password does not meet the policy."));
    }
    if (candidate.toLowerCase(Locale.ROOT).contains(user.toLowerCase(Locale.ROOT))) {
      return Optional.of(new Violation("7077918", "The password cannot contain the username."));
    }
    if (requireLettersAndDigits
        && (candidate.chars().noneMatch(Character::isLetter)
            || candidate.chars().noneMatch(Character::isDigit))) {
      return Optional.of(
          new Violation("7077920", "The new password must have both letters and numbers."));
    }
    if (candidate.chars().filter(c -> !Character.isLetterOrDigit(c)).count()
        < minSpecialCharacters) {
      return Optional.of(
          new Violation(
              "7077921",
              "The minimum number of special characters required do not meet the policy."));
    }
    if (!previous.isEmpty() && previous.get(0).equals(candidate)) {
      return Optional.of(
          new Violation("7077925", "The new password must be different to the old password."));
    }
    if (previous.stream().limit(historyCount).anyMatch(candidate::equals)) {
      return Optional.of(
          new Violation(
              "7077924",
              "The new password must be different than last " + historyCount + " passwords."));
    }
    return Optional.empty();
  }
}
