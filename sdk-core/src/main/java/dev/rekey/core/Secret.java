package dev.rekey.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A key, password or token. {@link #toString()} never shows the value; {@link #reveal()} is the one
 * way out. Equality compares in constant time, so comparing two secrets leaks nothing through
 * timing.
 */
public final class Secret {
  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value == null"));
  }

  /** Returns the secret value itself. Call it only where the value must leave the program. */
  public String reveal() {
    return value;
  }

  /** Returns whether the secret is the empty string. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /**
   * Returns the number of characters in the secret; a length reveals little and helps validation.
   */
  public int length() {
    return value.length();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A hash of a SHA-256 digest, so equal secrets hash alike and the hash says nothing of the value.
   */
  @Override
  public int hashCode() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return Arrays.hashCode(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Returns {@code ****}, whatever the value. */
  @Override
  public String toString() {
    return MASK;
  }
}
