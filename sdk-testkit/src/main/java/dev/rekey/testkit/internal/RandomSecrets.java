package dev.rekey.testkit.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random credential values of the shapes the real services hand out. */
public final class RandomSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private RandomSecrets() {}

  /** Returns {@code bytes} random bytes in standard base64 (64 bytes give a storage key's 88 chars). */
  public static String base64(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /** Returns {@code length} random letters and digits. */
  public static String alphanumeric(int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
    }
    return s.toString();
  }
}
