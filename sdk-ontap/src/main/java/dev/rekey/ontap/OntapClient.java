package dev.rekey.ontap;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.codec.OntapErrorDecoder;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.ontap.internal.Futures;
import dev.rekey.ontap.internal.LoginCheck;
import dev.rekey.ontap.internal.OwnAccount;
import dev.rekey.ontap.internal.PasswordChanges;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Changes local user account passwords on a NetApp ONTAP cluster or SVM through its REST API. Build
 * one per management address, reuse it from any thread, and close it when done.
 *
 * <pre>{@code
 * try (OntapClient ontap = OntapClient.builder()
 *     .endpoint(URI.create("https://cluster1.example.com"))
 *     .basic("admin", Secret.of(adminPassword))
 *     .trustCertificatePem(clusterCaPem)
 *     .build()) {
 *   ontap.changePassword(r -> r.name("svm_user1").ownerName("svm1").password(Secret.of(newPassword)));
 * }
 * }</pre>
 *
 * <p>A password change is re-sent only as {@link dev.rekey.core.retry.RetryPolicy} allows for a
 * rotation: when its answer is lost the call throws {@link dev.rekey.core.OutcomeUnknownException},
 * unless the request asks to {@link PasswordChangeRequest#confirmOutcome() confirm the outcome}.
 */
public final class OntapClient implements AutoCloseable {
  private final HttpPipeline pipeline;
  private final LoginCheck logins;
  private final PasswordChanges changes;
  private final @Nullable OwnAccount own;

  OntapClient(ClientOptions options, HttpUrl base, Authentication auth, @Nullable OwnAccount own) {
    this.pipeline =
        HttpPipeline.builder(options)
            .module("sdk-ontap")
            .authentication(auth)
            .errorDecoder(new OntapErrorDecoder())
            .exceptionFactory(OntapServiceException::new)
            .azureRequestIds(false)
            .build();
    this.own = own;
    this.logins = new LoginCheck(pipeline, base);
    this.changes = new PasswordChanges(pipeline, base, logins, own);
  }

  /** Returns a builder. */
  public static OntapClientBuilder builder() {
    return new OntapClientBuilder();
  }

  /**
   * Changes an account's password and waits until it took effect (following a job if ONTAP starts one).
   *
   * @throws OntapServiceException if the cluster refuses (e.g. {@link OntapErrorCode#TOO_SHORT})
   * @throws dev.rekey.core.OutcomeUnknownException if the answer was lost and no confirmation was asked
   * @throws dev.rekey.core.OperationFailedException if the cluster's job ended in failure
   * @throws dev.rekey.core.TransportException if the network failed before the change was sent
   */
  public PasswordChangeResult changePassword(PasswordChangeRequest request) {
    return beginChangePassword(request).waitForCompletion();
  }

  /**
   * Changes an account's password, building the request with {@code request}; see {@link
   * #changePassword(PasswordChangeRequest)}.
   *
   * @throws ValidationException if the request is invalid, before any I/O
   * @throws OntapServiceException if the cluster refuses
   */
  public PasswordChangeResult changePassword(Consumer<PasswordChangeRequest.Builder> request) {
    return changePassword(build(request));
  }

  /**
   * Sends the change and returns its operation at once: completed on {@code 201}, a job to follow on
   * {@code 202}.
   *
   * @throws OntapServiceException if the cluster refuses
   * @throws dev.rekey.core.OutcomeUnknownException if the answer was lost and no confirmation was asked
   */
  public Operation<PasswordChangeResult> beginChangePassword(PasswordChangeRequest request) {
    return changes.beginNow(Objects.requireNonNull(request, "request == null"));
  }

  /**
   * Changes an account's password without blocking; the future fails with the exceptions {@link
   * #changePassword(PasswordChangeRequest)} throws.
   */
  public CompletableFuture<PasswordChangeResult> changePasswordAsync(PasswordChangeRequest request) {
    return changes.begin(Objects.requireNonNull(request, "request == null")).thenCompose(Operation::toFuture);
  }

  /**
   * Changes the password of the account this client logs in with (an SVM-scoped user calling its
   * SVM's address, or a cluster user), then uses the new password for its later calls. A lost answer
   * is always confirmed, since the client would otherwise not know its own password.
   *
   * @throws IllegalStateException if the client does not log in with basic authentication
   * @throws ValidationException if the new password is not 1–128 characters
   * @throws OntapServiceException if the cluster refuses
   */
  public PasswordChangeResult changeOwnPassword(Secret newPassword) {
    return Futures.join(changeOwnPasswordAsync(newPassword));
  }

  /**
   * Changes the client's own password without blocking; see {@link #changeOwnPassword(Secret)}.
   *
   * @throws IllegalStateException if the client does not log in with basic authentication
   * @throws ValidationException if the new password is not 1–128 characters
   */
  public CompletableFuture<PasswordChangeResult> changeOwnPasswordAsync(Secret newPassword) {
    if (own == null) {
      throw new IllegalStateException("changeOwnPassword needs a client built with basic(user, password)");
    }
    PasswordChangeRequest request =
        PasswordChangeRequest.builder().name(own.user()).password(newPassword).confirmOutcome(true).build();
    return changePasswordAsync(request);
  }

  /**
   * Returns whether {@code user} logs in to this client's address with {@code password}, read with
   * {@code GET /api/cluster?fields=version}; use it to check a change by hand. A 401 means the password
   * was refused; a 403 with an ONTAP error means it was accepted but the account's role may not read
   * the cluster (SVM-scoped accounts with a custom role), so both kinds of account are answered right.
   *
   * @throws OntapServiceException if the cluster answers another error (a 403 without an ONTAP error too)
   * @throws dev.rekey.core.TransportException if the network failed
   */
  public boolean verifyPassword(String user, Secret password) {
    return Futures.join(verifyPasswordAsync(user, password));
  }

  /** Returns whether {@code user} logs in with {@code password}, without blocking. */
  public CompletableFuture<Boolean> verifyPasswordAsync(String user, Secret password) {
    return logins.authenticates(
        Objects.requireNonNull(user, "user == null"), Objects.requireNonNull(password, "password == null"));
  }

  private static PasswordChangeRequest build(Consumer<PasswordChangeRequest.Builder> request) {
    PasswordChangeRequest.Builder b = PasswordChangeRequest.builder();
    request.accept(b);
    return b.build();
  }

  /** Releases the client's connections and threads. */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "OntapClient[" + (own == null ? "no basic login" : own) + "]";
  }
}
