package dev.rekey.ontap;

import dev.rekey.core.ClientCertificate;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.auth.TokenSource;
import dev.rekey.core.internal.Built;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.poll.Operation;
import dev.rekey.ontap.internal.ClientSetup;
import dev.rekey.ontap.internal.LoginCheck;
import dev.rekey.ontap.internal.OntapErrorDecoder;
import dev.rekey.ontap.internal.OwnAccount;
import dev.rekey.ontap.internal.PasswordChanges;
import dev.rekey.ontap.model.OwnPasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.ontap.model.VerifyPasswordRequest;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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
 * <p>Every operation has the same forms: {@code op(request)}, {@code op(r -> ...)}, {@code
 * opAsync(...)} in both forms (never blocking a thread; a bad request throws at once), and for the
 * changes {@code beginOp(...)} in both forms. A password change is re-sent only as {@link
 * dev.rekey.core.retry.RetryPolicy} allows for a rotation: when its answer is lost the call throws
 * {@link dev.rekey.core.OutcomeUnknownException}, unless the request asks to {@link
 * PasswordChangeRequest#confirmOutcome() confirm the outcome}.
 */
public final class OntapClient implements AutoCloseable {
  /** ONTAP refuses connections when its REST queue is full, so few calls run at once unless set. */
  public static final int DEFAULT_MAX_REQUESTS_PER_HOST = 8;

  private final HttpPipeline pipeline;
  private final @Nullable HttpPipeline loginPipeline;
  private final LoginCheck logins;
  private final PasswordChanges changes;
  private final @Nullable OwnAccount own;

  private OntapClient(ClientSetup setup) {
    this.pipeline = pipeline(setup.options(), setup.authentication());
    this.own = setup.own();
    this.loginPipeline =
        setup.loginCheckOptions().map(o -> pipeline(o, Authentication.none())).orElse(null);
    this.logins = new LoginCheck(loginPipeline != null ? loginPipeline : pipeline, setup.base());
    this.changes = new PasswordChanges(pipeline, setup.base(), logins, own);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Changes an account's password and waits until it took effect (following a job if ONTAP starts
   * one).
   *
   * @throws OntapServiceException if the cluster refuses (e.g. {@link OntapErrorCode#TOO_SHORT})
   * @throws dev.rekey.core.OutcomeUnknownException if the answer was lost and no confirmation was
   *     asked
   * @throws dev.rekey.core.OperationFailedException if the cluster's job ended in failure
   * @throws dev.rekey.core.TransportException if the network failed before the change was sent
   */
  public PasswordChangeResult changePassword(PasswordChangeRequest request) {
    return beginChangePassword(request).waitForCompletion();
  }

  /**
   * Builds the request with {@code request}, then changes the password as {@link
   * #changePassword(PasswordChangeRequest)}.
   *
   * @throws ValidationException if the request is invalid, before any I/O
   */
  public PasswordChangeResult changePassword(Consumer<PasswordChangeRequest.Builder> request) {
    return changePassword(build(request));
  }

  /**
   * Sends the change and returns its operation at once: completed on {@code 201}, a job to follow
   * on {@code 202}.
   *
   * @throws OntapServiceException if the cluster refuses
   * @throws dev.rekey.core.OutcomeUnknownException if the answer was lost and no confirmation was
   *     asked
   */
  public Operation<PasswordChangeResult> beginChangePassword(PasswordChangeRequest request) {
    return changes.beginNow(Objects.requireNonNull(request, "request == null"));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #beginChangePassword(PasswordChangeRequest)}.
   *
   * @throws ValidationException if the request is invalid, before any I/O
   */
  public Operation<PasswordChangeResult> beginChangePassword(
      Consumer<PasswordChangeRequest.Builder> request) {
    return beginChangePassword(build(request));
  }

  /**
   * Changes an account's password without blocking; the future fails with the exceptions {@link
   * #changePassword(PasswordChangeRequest)} throws.
   */
  public CompletableFuture<PasswordChangeResult> changePasswordAsync(
      PasswordChangeRequest request) {
    return Futures.thenCompose(
        changes.begin(Objects.requireNonNull(request, "request == null")), Operation::toFuture);
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #changePasswordAsync(PasswordChangeRequest)}.
   *
   * @throws ValidationException at once if the request is invalid (nothing is sent)
   */
  public CompletableFuture<PasswordChangeResult> changePasswordAsync(
      Consumer<PasswordChangeRequest.Builder> request) {
    return changePasswordAsync(build(request));
  }

  /**
   * Changes the password of the account this client logs in with (an SVM-scoped user calling its
   * SVM's address, or a cluster user), then uses the new password for its later calls. A lost
   * answer is always confirmed, since the client would otherwise not know its own password.
   *
   * @throws IllegalStateException if the client does not log in with basic authentication
   * @throws OntapServiceException if the cluster refuses
   * @throws dev.rekey.core.RekeyException as {@link #changePassword(PasswordChangeRequest)}
   */
  public PasswordChangeResult changeOwnPassword(OwnPasswordChangeRequest request) {
    return beginChangeOwnPassword(request).waitForCompletion();
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #changeOwnPassword(OwnPasswordChangeRequest)}.
   *
   * @throws ValidationException if the new password is not 1–128 characters (nothing is sent)
   */
  public PasswordChangeResult changeOwnPassword(
      Consumer<OwnPasswordChangeRequest.Builder> request) {
    return changeOwnPassword(own(request));
  }

  /**
   * Sends the change of the client's own password and returns its operation at once; see {@link
   * #changeOwnPassword(OwnPasswordChangeRequest)}.
   *
   * @throws IllegalStateException if the client does not log in with basic authentication
   */
  public Operation<PasswordChangeResult> beginChangeOwnPassword(OwnPasswordChangeRequest request) {
    return beginChangePassword(ownChange(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #beginChangeOwnPassword(OwnPasswordChangeRequest)}.
   *
   * @throws ValidationException if the new password is not 1–128 characters (nothing is sent)
   */
  public Operation<PasswordChangeResult> beginChangeOwnPassword(
      Consumer<OwnPasswordChangeRequest.Builder> request) {
    return beginChangeOwnPassword(own(request));
  }

  /**
   * Changes the client's own password without blocking; see {@link
   * #changeOwnPassword(OwnPasswordChangeRequest)}.
   *
   * @throws IllegalStateException at once if the client does not log in with basic authentication
   */
  public CompletableFuture<PasswordChangeResult> changeOwnPasswordAsync(
      OwnPasswordChangeRequest request) {
    return changePasswordAsync(ownChange(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #changeOwnPasswordAsync(OwnPasswordChangeRequest)}.
   *
   * @throws ValidationException at once if the new password is not 1–128 characters (nothing is
   *     sent)
   */
  public CompletableFuture<PasswordChangeResult> changeOwnPasswordAsync(
      Consumer<OwnPasswordChangeRequest.Builder> request) {
    return changeOwnPasswordAsync(own(request));
  }

  /**
   * Returns whether the account logs in to this client's address with the password, read with
   * {@code GET /api/cluster?fields=version}; use it to check a change by hand. A 401 means the
   * password was refused; a 403 with an ONTAP error means it was accepted but the account's role
   * may not read the cluster (SVM-scoped accounts with a custom role), so both kinds of account are
   * answered right.
   *
   * @throws OntapServiceException if the cluster answers another error (a 403 without an ONTAP
   *     error too)
   * @throws dev.rekey.core.TransportException if the network failed
   */
  public boolean verifyPassword(VerifyPasswordRequest request) {
    Objects.requireNonNull(request, "request == null");
    return logins.authenticatesNow(request.name(), request.password());
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #verifyPassword(VerifyPasswordRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public boolean verifyPassword(Consumer<VerifyPasswordRequest.Builder> request) {
    return verifyPassword(verify(request));
  }

  /**
   * Returns whether the account logs in with the password, without blocking; see {@link
   * #verifyPassword}.
   */
  public CompletableFuture<Boolean> verifyPasswordAsync(VerifyPasswordRequest request) {
    Objects.requireNonNull(request, "request == null");
    return logins.authenticates(request.name(), request.password());
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #verifyPasswordAsync(VerifyPasswordRequest)}.
   *
   * @throws ValidationException at once if the request is invalid (nothing is sent)
   */
  public CompletableFuture<Boolean> verifyPasswordAsync(
      Consumer<VerifyPasswordRequest.Builder> request) {
    return verifyPasswordAsync(verify(request));
  }

  private PasswordChangeRequest ownChange(OwnPasswordChangeRequest request) {
    Objects.requireNonNull(request, "request == null");
    if (own == null) {
      throw new IllegalStateException(
          "changeOwnPassword needs a client built with basic(user, password)");
    }
    return PasswordChangeRequest.builder()
        .name(own.user())
        .password(request.password())
        .confirmOutcome(true)
        .build();
  }

  private static OwnPasswordChangeRequest own(Consumer<OwnPasswordChangeRequest.Builder> request) {
    return Built.by(
        OwnPasswordChangeRequest.builder(), request, OwnPasswordChangeRequest.Builder::build);
  }

  private static VerifyPasswordRequest verify(Consumer<VerifyPasswordRequest.Builder> request) {
    return Built.by(VerifyPasswordRequest.builder(), request, VerifyPasswordRequest.Builder::build);
  }

  private static PasswordChangeRequest build(Consumer<PasswordChangeRequest.Builder> request) {
    return Built.by(PasswordChangeRequest.builder(), request, PasswordChangeRequest.Builder::build);
  }

  /**
   * Releases the client's connections and threads. Calls made after it fail with {@link
   * dev.rekey.core.RekeyException} before anything is sent.
   */
  @Override
  public void close() {
    pipeline.close();
    if (loginPipeline != null) {
      loginPipeline.close();
    }
  }

  private static HttpPipeline pipeline(ClientOptions options, Authentication authentication) {
    return HttpPipeline.builder(options)
        .module("sdk-ontap")
        .authentication(authentication)
        .errorDecoder(new OntapErrorDecoder())
        .exceptionFactory(OntapServiceException::new)
        .azureRequestIds(false)
        .build();
  }

  @Override
  public String toString() {
    return "OntapClient[" + (own == null ? "no basic login" : own) + "]";
  }

  /**
   * Builds an {@link OntapClient}: the cluster's or SVM's management address, one way to log in
   * (basic, bearer token or client certificate), and TLS trust. Certificates are verified by
   * default; trust the cluster's self-signed certificate with {@link #trustCertificatePem(String)}
   * or pin it with {@link #pinCertificateSha256(String)}. Not thread-safe.
   */
  public static final class Builder {
    private final ClientSetup.Settings settings = new ClientSetup.Settings();

    private Builder() {}

    /** Sets the management address, e.g. {@code https://cluster1.example.com}; https only. */
    public Builder endpoint(URI endpoint) {
      settings.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      return this;
    }

    /**
     * Logs in with HTTP basic credentials; {@link OntapClient#changeOwnPassword} then works too.
     */
    public Builder basic(String user, Secret password) {
      Objects.requireNonNull(user, "user == null");
      Objects.requireNonNull(password, "password == null");
      OwnAccount account = new OwnAccount(user, password);
      settings.own = account;
      settings.auth = Authentication.basic(user, account::password);
      return this;
    }

    /** Logs in with OAuth 2 bearer tokens from {@code tokens} (ONTAP 9.14 and later). */
    public Builder bearer(TokenSource tokens) {
      settings.auth = Authentication.bearer(Objects.requireNonNull(tokens, "tokens == null"));
      settings.own = null;
      return this;
    }

    /** Logs in with a client certificate (mutual TLS) whose common name names the ONTAP account. */
    public Builder clientCertificate(ClientCertificate certificate) {
      settings.certificate = Objects.requireNonNull(certificate, "certificate == null");
      settings.auth = Authentication.none();
      settings.own = null;
      return this;
    }

    /**
     * Sets timeouts, retry, polling, proxy, TLS and logging; its TLS options are the starting
     * point.
     */
    public Builder options(ClientOptions options) {
      settings.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Trusts the PEM certificate(s) given (the cluster's self-signed certificate or its CA) instead
     * of the JDK's.
     */
    public Builder trustCertificatePem(String pem) {
      settings.trustedPem = Objects.requireNonNull(pem, "pem == null");
      return this;
    }

    /** Accepts only a server certificate with this SHA-256 fingerprint (hex, colons allowed). */
    public Builder pinCertificateSha256(String fingerprint) {
      settings.pins.add(Objects.requireNonNull(fingerprint, "fingerprint == null"));
      return this;
    }

    /** Trusts any server certificate and host name. Unsafe: every build logs a warning. */
    public Builder insecureTrustAllCertificates() {
      settings.insecure = true;
      return this;
    }

    /**
     * Caps calls in flight to the cluster. When neither this nor {@link
     * ClientOptions#maxRequestsPerHost()} is set, {@value
     * OntapClient#DEFAULT_MAX_REQUESTS_PER_HOST}; a value set in either is kept as is.
     */
    public Builder maxRequestsPerHost(int max) {
      settings.maxRequestsPerHost = Check.atLeast("maxRequestsPerHost", max, 1);
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws ValidationException if the endpoint is missing or not https, no login is set, or a
     *     TLS option is invalid
     */
    public OntapClient build() {
      return new OntapClient(ClientSetup.resolve(settings, DEFAULT_MAX_REQUESTS_PER_HOST));
    }
  }
}
