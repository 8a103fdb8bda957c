package dev.rekey.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception a Rekey client throws. All are unchecked; messages never contain
 * secrets or raw response bodies.
 */
public class RekeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public RekeyException(String message) {
    super(message);
  }

  /** Creates an exception with a message and its cause. */
  public RekeyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
