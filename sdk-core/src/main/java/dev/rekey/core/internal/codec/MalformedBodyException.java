package dev.rekey.core.internal.codec;

import dev.rekey.core.RekeyException;

/**
 * A response body was not the JSON or XML the service documents. The message names the format and
 * Jackson's error class only: Jackson's own message may quote the body, which may hold a secret.
 */
public final class MalformedBodyException extends RekeyException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a body that is not {@code format} ("JSON", "XML"), Jackson's {@code
   * cause}.
   */
  public MalformedBodyException(String format, Exception cause) {
    super(
        "response body is not the expected "
            + format
            + " ("
            + cause.getClass().getSimpleName()
            + ")",
        null);
  }
}
