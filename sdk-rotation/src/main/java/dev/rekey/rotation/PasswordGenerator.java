package dev.rekey.rotation;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;

/**
 * Generates strong passwords locally with {@link SecureRandom}: a configurable length and character
 * classes, at least one letter of each enabled case and one digit, at least {@code minSpecial}
 * symbols, and never containing a given user name. The defaults (32 characters, letters, digits and
 * 2 symbols) meet ONTAP's password rules (error codes 7077918 name, 7077919 length, 7077920 letters
 * and digits, 7077921 symbols, 7077940/7077941 at most 128 characters) for any policy up to 32
 * characters and 2 symbols.
 */
public final class PasswordGenerator {
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String DIGITS = "23456789";

  /** Symbols that need no quoting in a shell, a URL's user info or a JSON string. */
  private static final String SYMBOLS = "-_.~!*+=@%^";

  private final int length;
  private final boolean upper;
  private final int minSpecial;
  private final SecureRandom random = new SecureRandom();

  private PasswordGenerator(int length, boolean upper, int minSpecial) {
    this.length = length;
    this.upper = upper;
    this.minSpecial = minSpecial;
  }

  /** Returns the default generator: 32 characters, lower and upper case, digits, 2 symbols. */
  public static PasswordGenerator defaults() {
    return of(32, true, 2);
  }

  /**
   * Returns a generator of {@code length} characters drawn from lower case letters, digits, upper
   * case letters when {@code upperCase}, and at least {@code minSpecial} symbols.
   *
   * @throws ValidationException if {@code length} is not 8–128 (ONTAP 7077919, 7077940) or the
   *     required characters do not fit in it (7077941)
   */
  public static PasswordGenerator of(int length, boolean upperCase, int minSpecial) {
    if (length < 8 || length > 128) {
      throw new ValidationException(
          "length", Check.quote(Integer.toString(length)), "must be 8-128 characters");
    }
    int required = 2 + (upperCase ? 1 : 0) + minSpecial;
    if (minSpecial < 0 || required > length) {
      throw new ValidationException(
          "minSpecial",
          Check.quote(Integer.toString(minSpecial)),
          "must be 0 or more, and with one letter per case and one digit fit in length " + length);
    }
    return new PasswordGenerator(length, upperCase, minSpecial);
  }

  /**
   * Returns a new password that does not contain {@code userName} (ignoring case).
   *
   * @throws NullPointerException if {@code userName} is null
   */
  public Secret generate(String userName) {
    Objects.requireNonNull(userName, "userName == null");
    String user = userName.toLowerCase(Locale.ROOT);
    while (true) {
      String candidate = candidate();
      if (user.isEmpty() || !candidate.toLowerCase(Locale.ROOT).contains(user)) {
        return Secret.of(candidate);
      }
    }
  }

  private String candidate() {
    char[] out = new char[length];
    int i = 0;
    out[i++] = pick(LOWER);
    out[i++] = pick(DIGITS);
    if (upper) {
      out[i++] = pick(UPPER);
    }
    for (int s = 0; s < minSpecial; s++) {
      out[i++] = pick(SYMBOLS);
    }
    String all = LOWER + DIGITS + (upper ? UPPER : "") + (minSpecial > 0 ? SYMBOLS : "");
    while (i < length) {
      out[i++] = pick(all);
    }
    for (int j = length - 1; j > 0; j--) {
      int k = random.nextInt(j + 1);
      char t = out[j];
      out[j] = out[k];
      out[k] = t;
    }
    return new String(out);
  }

  private char pick(String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }

  @Override
  public String toString() {
    return "PasswordGenerator{length="
        + length
        + ", upperCase="
        + upper
        + ", minSpecial="
        + minSpecial
        + "}";
  }
}
