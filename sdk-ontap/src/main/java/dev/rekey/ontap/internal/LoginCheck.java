package dev.rekey.ontap.internal;

import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.http.HttpPipeline;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * Finds out whether a user name and password log in, by reading {@code GET /api/cluster?fields=version}
 * with them through the client's own pipeline (same connections, TLS, proxy and timeouts), only the
 * credentials differ.
 */
public final class LoginCheck {
  private final HttpPipeline pipeline;
  private final HttpUrl base;

  /** Creates the check for the cluster at {@code base}, sending through {@code pipeline}. */
  public LoginCheck(HttpPipeline pipeline, HttpUrl base) {
    this.pipeline = pipeline;
    this.base = base;
  }

  /**
   * Completes with true when the cluster accepts the credentials, false when it answers 401 or 403,
   * and exceptionally on any other failure.
   */
  public CompletableFuture<Boolean> authenticates(String user, Secret password) {
    return pipeline
            .withAuthentication(Authentication.basic(user, password))
            .sendAsync(PasswordRequests.loginCheck(base))
            .handle(
                (response, error) -> {
                  if (error == null) {
                    return true;
                  }
                  Throwable cause = Futures.unwrap(error);
                  if (cause instanceof ServiceException s && s.isAuthenticationFailure()) {
                    return false;
                  }
                  throw cause instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(cause);
                });
  }
}
