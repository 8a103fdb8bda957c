package dev.rekey.core.internal.http;

import java.io.IOException;

/**
 * An answer the transport will not pass on as a response nor act on: a proxy's 407 it will not
 * answer, a redirect it will not follow. The server answered, so the pipeline ends the call with a
 * {@link dev.rekey.core.ServiceException} carrying {@link #status()} and this message, never
 * retrying it (the same request gets the same answer).
 */
abstract class RefusedAnswer extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  RefusedAnswer(int status, String message) {
    super(message);
    this.status = status;
  }

  /** Returns the status of the refused answer. */
  final int status() {
    return status;
  }
}
