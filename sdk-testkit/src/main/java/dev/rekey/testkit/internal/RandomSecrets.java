package dev.rekey.testkit.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Fresh random credential values of the shapes the real services hand out. Every value of 16
 * characters or more starts with {@link #MARKER}, so a test can find any emulator-issued secret in
 * logs and messages without knowing it (Rekey's own tests fail on any line that carries it).
 */
public final class RandomSecrets {
  /**
   * The canary marker at the start of every issued secret; letters only, so valid in every shape.
   */
  public static final String MARKER = "RKYCANARY";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private RandomSecrets() {}

  /**
   * Returns {@code bytes} random bytes in standard base64 (64 bytes give a storage key's 88 chars).
   */
  public static String base64(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return marked(Base64.getEncoder().encodeToString(b));
  }

  /** Returns {@code length} random letters and digits. */
  public static String alphanumeric(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return marked(s.toString());
  }

  private static String marked(String value) {
    return value.length() < 16 ? value : MARKER + value.substring(MARKER.length());
  }
}
