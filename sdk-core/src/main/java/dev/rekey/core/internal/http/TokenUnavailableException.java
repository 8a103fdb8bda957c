package dev.rekey.core.internal.http;

import dev.rekey.core.RekeyException;
import java.io.IOException;

/**
 * Carries a token source's failure through OkHttp as the {@link IOException} its interceptors may
 * throw (any other exception OkHttp re-throws on its dispatcher thread). Nothing was sent, and the
 * pipeline hands the original {@link RekeyException} to the caller without retrying.
 */
final class TokenUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  TokenUnavailableException(RekeyException cause) {
    super("could not get an access token", cause);
  }

  RekeyException failure() {
    return (RekeyException) getCause();
  }
}
