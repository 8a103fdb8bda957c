package dev.rekey.azure.storage;

import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.AzureClientBuilder;
import dev.rekey.azure.AzureCloud;
import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.internal.AzureTokenSource;
import dev.rekey.azure.storage.internal.ClassicCalls;
import dev.rekey.azure.storage.internal.ClassicErrorDecoder;
import dev.rekey.azure.storage.internal.ClassicLostAnswers;
import dev.rekey.azure.storage.model.GetKeysRequest;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import dev.rekey.azure.storage.model.RotateStandbyServiceKeyRequest;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.ClientCertificate;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.ValidationException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.Built;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.poll.Operation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Regenerates the access keys of classic storage services through Azure Service Management ({@code
 * POST {endpoint}/{subscriptionId}/services/storageservices/{name}/keys?action=regenerate}, XML).
 *
 * <p>It authenticates with a management certificate (mutual TLS) or with an Azure Identity {@link
 * TokenCredential} for {@link AzureCloud#serviceManagementScope()} ({@code
 * https://management.core.windows.net//.default}). <b>Only identities that are classic
 * co-administrators of the subscription may call the Service Management API with a token</b>;
 * others get {@code ForbiddenError} ({@link StorageServiceException#isAuthenticationFailure()}).
 *
 * <p>A {@code 202 Accepted} answer is followed through Get Operation Status and the keys are then
 * read again, so every form returns the keys after the change. A {@code 307 TemporaryRedirect} is
 * followed once, and only to the same origin (scheme, host and port), presenting the same token or
 * certificate to the {@code Location}; a {@code Location} on any other origin (http from https,
 * another host or port) is not followed, and neither is a second redirect: both end, with nothing
 * sent on, in a {@link StorageServiceException} with code {@code TemporaryRedirect}. A rotation is
 * re-sent only as {@link dev.rekey.core.retry.RetryPolicy} allows; when its answer is lost (a
 * {@link dev.rekey.core.OutcomeUnknownException}), read the keys, then decide.
 *
 * <pre>{@code
 * try (ClassicStorageKeysClient storage = ClassicStorageKeysClient.builder()
 *     .subscriptionId("00000000-0000-0000-0000-000000000000")
 *     .managementCertificate(ClientCertificate.fromPkcs12(Path.of("mgmt.pfx"), password))
 *     .build()) {
 *   StorageServiceKeys keys = storage.regenerateKeys(r -> r.serviceName("mystorage").keyType(KeyType.SECONDARY));
 * }
 * }</pre>
 *
 * <p>Clients are immutable and thread-safe; {@link #close()} releases connections and threads.
 */
public final class ClassicStorageKeysClient implements AutoCloseable {
  /**
   * The Service Management API version ({@code x-ms-version}) sent unless the builder sets another.
   */
  public static final String DEFAULT_API_VERSION = "2011-06-01";

  /** An {@code x-ms-version}: a calendar date, yyyy-mm-dd. */
  private static final Pattern API_VERSION =
      Pattern.compile("\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])");

  private final HttpPipeline pipeline;
  private final ClassicCalls calls;
  private final String subscriptionId;

  private ClassicStorageKeysClient(Builder b, HttpPipeline pipeline, HttpUrl base) {
    this.pipeline = pipeline;
    this.subscriptionId = b.subscriptionId;
    this.calls = new ClassicCalls(pipeline, base, b.subscriptionId, b.apiVersion);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Regenerates the key {@code request} names and returns both keys, following the operation when
   * the service accepts the call for later (202).
   *
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.OperationFailedException if the accepted operation failed
   * @throws dev.rekey.core.OutcomeUnknownException if the key may have changed but the answer was
   *     lost
   * @throws dev.rekey.core.CredentialNotReturnedException if the key was regenerated but the answer
   *     lacked either key or could not be read
   * @throws dev.rekey.core.RekeyException as {@link Operation#waitForCompletion()} describes
   */
  public StorageServiceKeys regenerateKeys(RegenerateKeysRequest request) {
    return beginRegenerateKeys(request).waitForCompletion();
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #regenerateKeys(RegenerateKeysRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public StorageServiceKeys regenerateKeys(Consumer<RegenerateKeysRequest.Builder> request) {
    return regenerateKeys(regenerate(request));
  }

  /**
   * Sends the regeneration and returns its operation: completed when the service answered 200,
   * polling Get Operation Status when it answered 202.
   *
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.OutcomeUnknownException if the key may have changed but the answer was
   *     lost
   * @throws dev.rekey.core.TransportException if the request could not be sent
   */
  public Operation<StorageServiceKeys> beginRegenerateKeys(RegenerateKeysRequest request) {
    Objects.requireNonNull(request, "request == null");
    if (request.confirmOutcome()) {
      return ClassicLostAnswers.begin(calls, request);
    }
    return calls.begin(
        calls.regenerate(request.serviceName(), request.keyType()),
        request.serviceName(),
        ClassicCalls.regenerated(request.serviceName(), request.keyType()));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #beginRegenerateKeys(RegenerateKeysRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public Operation<StorageServiceKeys> beginRegenerateKeys(
      Consumer<RegenerateKeysRequest.Builder> request) {
    return beginRegenerateKeys(regenerate(request));
  }

  /**
   * Regenerates the key without blocking; the future completes with both keys or with the
   * exceptions {@link #regenerateKeys(RegenerateKeysRequest)} throws.
   */
  public CompletableFuture<StorageServiceKeys> regenerateKeysAsync(RegenerateKeysRequest request) {
    Objects.requireNonNull(request, "request == null");
    if (request.confirmOutcome()) {
      return ClassicLostAnswers.run(calls, request);
    }
    return calls.run(
        calls.regenerate(request.serviceName(), request.keyType()),
        request.serviceName(),
        ClassicCalls.regenerated(request.serviceName(), request.keyType()));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #regenerateKeysAsync(RegenerateKeysRequest)}.
   *
   * @throws ValidationException at once if the request is invalid (nothing is sent)
   */
  public CompletableFuture<StorageServiceKeys> regenerateKeysAsync(
      Consumer<RegenerateKeysRequest.Builder> request) {
    return regenerateKeysAsync(regenerate(request));
  }

  /**
   * Reads the current keys of a storage service (a read: safe to repeat).
   *
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.TransportException if the request could not be sent or its answer read
   */
  public StorageServiceKeys getKeys(GetKeysRequest request) {
    Objects.requireNonNull(request, "request == null");
    String name = request.serviceName();
    return calls.begin(calls.getKeys(name), name, ClassicCalls.read()).waitForCompletion();
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link #getKeys(GetKeysRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public StorageServiceKeys getKeys(Consumer<GetKeysRequest.Builder> request) {
    return getKeys(Built.by(GetKeysRequest.builder(), request, GetKeysRequest.Builder::build));
  }

  /** Reads the keys without blocking; the future ends as {@link #getKeys(GetKeysRequest)} would. */
  public CompletableFuture<StorageServiceKeys> getKeysAsync(GetKeysRequest request) {
    Objects.requireNonNull(request, "request == null");
    return calls.run(
        calls.getKeys(request.serviceName()), request.serviceName(), ClassicCalls.read());
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link #getKeysAsync(GetKeysRequest)}.
   *
   * @throws ValidationException at once if the request is invalid (nothing is sent)
   */
  public CompletableFuture<StorageServiceKeys> getKeysAsync(
      Consumer<GetKeysRequest.Builder> request) {
    return getKeysAsync(Built.by(GetKeysRequest.builder(), request, GetKeysRequest.Builder::build));
  }

  /**
   * Rotates the key that is <em>not</em> in use and returns both keys: with {@code inUse} {@code
   * PRIMARY} it regenerates the secondary key. The zero-downtime pattern is switch, then rotate:
   *
   * <pre>{@code
   * // applications use the primary key; renew the secondary and move them to it
   * StorageServiceKeys keys = storage.rotateStandbyKey(r -> r.serviceName("mystorage").inUse(KeyType.PRIMARY));
   * deploy(keys.secondary());
   * // once nothing uses the primary key any more, renew it too
   * keys = storage.rotateStandbyKey(r -> r.serviceName("mystorage").inUse(KeyType.SECONDARY));
   * }</pre>
   *
   * @throws dev.rekey.core.RekeyException as {@link #regenerateKeys(RegenerateKeysRequest)}
   *     describes
   */
  public StorageServiceKeys rotateStandbyKey(RotateStandbyServiceKeyRequest request) {
    return regenerateKeys(standby(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #rotateStandbyKey(RotateStandbyServiceKeyRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public StorageServiceKeys rotateStandbyKey(
      Consumer<RotateStandbyServiceKeyRequest.Builder> request) {
    return rotateStandbyKey(rotate(request));
  }

  /**
   * Sends the regeneration of the standby key and returns its operation, as {@link
   * #beginRegenerateKeys}.
   */
  public Operation<StorageServiceKeys> beginRotateStandbyKey(
      RotateStandbyServiceKeyRequest request) {
    return beginRegenerateKeys(standby(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #beginRotateStandbyKey(RotateStandbyServiceKeyRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public Operation<StorageServiceKeys> beginRotateStandbyKey(
      Consumer<RotateStandbyServiceKeyRequest.Builder> request) {
    return beginRotateStandbyKey(rotate(request));
  }

  /**
   * Rotates the standby key without blocking; the future ends as {@link #rotateStandbyKey} would.
   */
  public CompletableFuture<StorageServiceKeys> rotateStandbyKeyAsync(
      RotateStandbyServiceKeyRequest request) {
    return regenerateKeysAsync(standby(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #rotateStandbyKeyAsync(RotateStandbyServiceKeyRequest)}.
   *
   * @throws ValidationException at once if the request is invalid (nothing is sent)
   */
  public CompletableFuture<StorageServiceKeys> rotateStandbyKeyAsync(
      Consumer<RotateStandbyServiceKeyRequest.Builder> request) {
    return rotateStandbyKeyAsync(rotate(request));
  }

  private static RegenerateKeysRequest regenerate(Consumer<RegenerateKeysRequest.Builder> request) {
    return Built.by(RegenerateKeysRequest.builder(), request, RegenerateKeysRequest.Builder::build);
  }

  private static RotateStandbyServiceKeyRequest rotate(
      Consumer<RotateStandbyServiceKeyRequest.Builder> request) {
    return Built.by(
        RotateStandbyServiceKeyRequest.builder(),
        request,
        RotateStandbyServiceKeyRequest.Builder::build);
  }

  private static RegenerateKeysRequest standby(RotateStandbyServiceKeyRequest request) {
    Objects.requireNonNull(request, "request == null");
    return RegenerateKeysRequest.builder()
        .serviceName(request.serviceName())
        .keyType(request.standby())
        .confirmOutcome(request.confirmOutcome())
        .build();
  }

  /**
   * Releases this client's connections and threads; an application's own OkHttp client is left
   * open. Calls made after it fail with {@link dev.rekey.core.RekeyException} before anything is
   * sent.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "ClassicStorageKeysClient[subscription " + subscriptionId + "]";
  }

  /** Builds a {@link ClassicStorageKeysClient}. */
  public static final class Builder extends AzureClientBuilder<Builder> {
    private @Nullable String subscriptionId;
    private @Nullable ClientCertificate certificate;
    private String apiVersion = DEFAULT_API_VERSION;

    private Builder() {}

    /** Sets the subscription holding the storage services (a UUID). */
    public Builder subscriptionId(String subscriptionId) {
      this.subscriptionId = subscriptionId;
      return this;
    }

    /** Authenticates with a management certificate presented over mutual TLS. */
    public Builder managementCertificate(ClientCertificate certificate) {
      this.certificate = certificate;
      return this;
    }

    /**
     * Sets the Service Management API version, sent as the {@code x-ms-version} header; {@value
     * ClassicStorageKeysClient#DEFAULT_API_VERSION} by default, at least 2009-10-01.
     */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws ValidationException if the subscription id is not a UUID, the version is not a date
     *     of 2009-10-01 or later, or not exactly one of a credential and a certificate was given
     */
    public ClassicStorageKeysClient build() {
      TokenCredential credential = configuredCredential();
      ClientOptions options = configuredOptions();
      AzureCloud cloud = configuredCloud();
      ArmNames.subscriptionId(subscriptionId);
      Check.matches("apiVersion", apiVersion, API_VERSION, "must be a date like 2011-06-01");
      if (apiVersion.compareTo("2009-10-01") < 0) {
        throw new ValidationException(
            "apiVersion", Check.quote(apiVersion), "must be 2009-10-01 or later");
      }
      if ((credential == null) == (certificate == null)) {
        throw new ValidationException(
            "authentication",
            credential == null ? "(none)" : "(both)",
            "must be exactly one of credential and managementCertificate");
      }
      ClientOptions effective = options;
      Authentication auth;
      if (certificate != null) {
        TlsOptions tls =
            TlsOptions.builder().from(options.tls()).clientCertificate(certificate).build();
        effective = ClientOptions.builder().from(options).tls(tls).build();
        auth = Authentication.none();
      } else {
        auth =
            Authentication.bearer(new AzureTokenSource(credential, cloud.serviceManagementScope()));
      }
      HttpPipeline pipeline =
          HttpPipeline.builder(effective)
              .module("sdk-azure-storage")
              .authentication(auth)
              .errorDecoder(new ClassicErrorDecoder())
              .exceptionFactory(StorageServiceException::new)
              .azureRequestIds(true)
              .followRedirects(false)
              .build();
      HttpUrl base = HttpUrl.get(effective.endpoint().orElse(cloud.serviceManagementEndpoint()));
      return new ClassicStorageKeysClient(this, pipeline, base);
    }
  }
}
