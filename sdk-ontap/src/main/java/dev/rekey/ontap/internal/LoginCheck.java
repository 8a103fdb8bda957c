package dev.rekey.ontap.internal;

import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.http.HttpPipeline;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.HttpUrl;

/**
 * Finds out whether a user name and password log in, by reading {@code GET
 * /api/cluster?fields=version} with them through the client's own pipeline (same connections, TLS,
 * proxy and timeouts), only the credentials differ.
 *
 * <p>ONTAP authenticates before it authorizes: a wrong password is 401, while an account whose role
 * may not read {@code /api/cluster} (an SVM-scoped account with a custom role) gets 403 with an
 * ONTAP error ({@code "code":"6"}, "not authorized for that command") once its password was
 * accepted. No REST endpoint is documented as open to every role, so the check reads the status
 * instead.
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
   * Completes with true when the cluster accepts the credentials (200, or a 403 carrying an ONTAP
   * error: authenticated, not authorized), false when it answers 401, and exceptionally on any
   * other failure (a 403 without an ONTAP error, e.g. a proxy's page, says nothing about the
   * password).
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
              return loggedIn(
                  cause instanceof RuntimeException r ? r : new CompletionException(cause));
            });
  }

  /**
   * Answers like {@link #authenticates} on the caller's thread: a sync check never waits for a
   * dispatcher thread (which an application's blocked callbacks could all hold).
   *
   * @throws RuntimeException what the future of {@link #authenticates} fails with
   */
  public boolean authenticatesNow(String user, Secret password) {
    try {
      pipeline
          .withAuthentication(Authentication.basic(user, password))
          .send(PasswordRequests.loginCheck(base));
      return true;
    } catch (RuntimeException e) {
      return loggedIn(e);
    }
  }

  /** Returns what a failed login check says of the password, or throws {@code failure} itself. */
  private static boolean loggedIn(RuntimeException failure) {
    if (failure instanceof ServiceException s && s.statusCode() == 401) {
      return false;
    }
    if (failure instanceof ServiceException s
        && s.statusCode() == 403
        && s.errorCode().isPresent()) {
      return true;
    }
    throw failure;
  }
}
