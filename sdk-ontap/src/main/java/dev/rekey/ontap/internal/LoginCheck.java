package dev.rekey.ontap.internal;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.codec.OntapErrorDecoder;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.ontap.OntapServiceException;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * Finds out whether a user name and password log in, by reading {@code GET /api/cluster?fields=version}
 * with them through a short-lived pipeline of the client's options (same TLS, proxy and timeouts).
 */
public final class LoginCheck {
  private final ClientOptions options;
  private final HttpUrl base;

  /** Creates the check for the cluster at {@code base}. */
  public LoginCheck(ClientOptions options, HttpUrl base) {
    this.options = options;
    this.base = base;
  }

  /**
   * Completes with true when the cluster accepts the credentials, false when it answers 401 or 403,
   * and exceptionally on any other failure.
   */
  public CompletableFuture<Boolean> authenticates(String user, Secret password) {
    HttpPipeline pipeline =
        HttpPipeline.builder(options)
            .module("sdk-ontap")
            .authentication(Authentication.basic(user, password))
            .errorDecoder(new OntapErrorDecoder())
            .exceptionFactory(OntapServiceException::new)
            .build();
    CompletableFuture<Boolean> answer =
        pipeline
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
    answer.whenComplete((ok, e) -> pipeline.close());
    return answer;
  }
}
