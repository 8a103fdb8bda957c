package dev.rekey.ontap.model;

import dev.rekey.core.internal.validate.Check;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hash ONTAP stores a password with ({@code password_hash_algorithm}): {@link #SHA512} (the
 * cluster's default), {@link #SHA256} or {@link #MD5}. Values a newer cluster knows are accepted
 * through {@link #of(String)} and sent as given, so the SDK never blocks a new algorithm.
 */
public final class PasswordHashAlgorithm {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

  /** SHA-512, ONTAP's default. */
  public static final PasswordHashAlgorithm SHA512 = new PasswordHashAlgorithm("sha512");

  /** SHA-256. */
  public static final PasswordHashAlgorithm SHA256 = new PasswordHashAlgorithm("sha256");

  /** MD5, kept for old clients; avoid it. */
  public static final PasswordHashAlgorithm MD5 = new PasswordHashAlgorithm("md5");

  private final String value;

  private PasswordHashAlgorithm(String value) {
    this.value = value;
  }

  /**
   * Returns the algorithm ONTAP names {@code value} (case-insensitive), a known constant or a new
   * one.
   *
   * @throws dev.rekey.core.ValidationException if {@code value} is not 1–32 letters, digits, {@code
   *     _} or {@code -}
   */
  public static PasswordHashAlgorithm of(String value) {
    String lower = Check.notNull("passwordHashAlgorithm", value).toLowerCase(Locale.ROOT);
    Check.matches("passwordHashAlgorithm", lower, NAME, "must be 1-32 letters, digits, _ or -");
    switch (lower) {
      case "sha512":
        return SHA512;
      case "sha256":
        return SHA256;
      case "md5":
        return MD5;
      default:
        return new PasswordHashAlgorithm(lower);
    }
  }

  /** Returns the name sent to ONTAP, e.g. {@code sha512}. */
  public String value() {
    return value;
  }

  /** Returns whether this SDK version knows the algorithm (one of the constants). */
  public boolean isKnown() {
    return this == SHA512 || this == SHA256 || this == MD5;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordHashAlgorithm other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
