package dev.rekey.core.internal.http;

import java.io.IOException;

/** A response body exceeded the configured cap; reading stopped at the cap. */
final class ResponseTooLargeException extends IOException {
  private static final long serialVersionUID = 1L;

  ResponseTooLargeException(long cap) {
    super("response body exceeds the " + cap + "-byte cap (ClientOptions.maxResponseBytes)");
  }
}
