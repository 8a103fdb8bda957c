package dev.rekey.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
   * A hash of a keyed digest (HMAC-SHA256 under a key drawn at random once per JVM), so equal
   * secrets hash alike in one process and the hash says nothing of the value: an unkeyed digest's
   * hash would let anyone who sees it test guesses of a weak password offline.
   */
  @Override
  public int hashCode() {
    return Arrays.hashCode(HashKey.digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns {@code ****}, whatever the value. */
  @Override
  public String toString() {
    return MASK;
  }

  /** The per-JVM hash key, drawn at the first {@link #hashCode()}, never when the class loads. */
  private static final class HashKey {
    private static final SecretKeySpec KEY = newKey();

    private static SecretKeySpec newKey() {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      return new SecretKeySpec(key, "HmacSHA256");
    }

    static byte[] digest(byte[] value) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(KEY);
        return mac.doFinal(value);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every JVM has HmacSHA256", e);
      }
    }
  }
}
