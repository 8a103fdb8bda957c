package dev.rekey.acr;

import com.azure.core.credential.TokenCredential;
import dev.rekey.acr.internal.GenerateCredentialsCall;
import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.azure.AzureClientBuilder;
import dev.rekey.azure.AzureCloud;
import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.internal.ArmPipelines;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.poll.Operation;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Generates passwords for Azure Container Registry tokens through Azure Resource Manager ({@code
 * POST .../registries/{registry}/generateCredentials}). Immutable and thread-safe: build one and
 * reuse it; {@link #close()} releases its connections.
 *
 * <pre>{@code
 * try (AcrClient acr = AcrClient.builder()
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .subscriptionId("00000000-0000-0000-0000-000000000000")
 *     .build()) {
 *   GeneratedCredentials creds = acr.generateCredentials(r -> r
 *       .resourceGroup("myResourceGroup").registry("myRegistry").token("myToken")
 *       .expiry(Instant.parse("2030-12-31T15:59:59Z")));
 * }
 * }</pre>
 *
 * <p><b>Retry safety.</b> Every {@code generateCredentials} call replaces a password, so it is
 * re-sent only as {@link dev.rekey.core.retry.RetryPolicy} allows for a rotation; when its answer
 * is lost the passwords may have changed, so look at the token before trying again.
 *
 * <p><b>Errors.</b> Every call throws {@link ValidationException} before any I/O when an argument
 * breaks a rule, {@link AcrServiceException} when the service refuses it, {@link
 * dev.rekey.core.OperationFailedException} when an accepted operation ends Failed or Canceled,
 * {@link dev.rekey.core.PollingTimeoutException} when polling outlasts the {@link
 * dev.rekey.core.poll.PollingPolicy}, {@link dev.rekey.core.OutcomeUnknownException} as above (also
 * when an accepted operation's status is lost or unreadable), {@link
 * dev.rekey.core.CredentialNotReturnedException} when the passwords were generated but the answer
 * did not hold the one asked for (or both), and {@link dev.rekey.core.TransportException} when the
 * network fails every allowed attempt.
 */
public final class AcrClient implements AutoCloseable {
  /** The ARM api-version used unless the builder sets another. */
  public static final String DEFAULT_API_VERSION = "2023-01-01-preview";

  private final HttpPipeline pipeline;
  private final GenerateCredentialsCall generate;

  private AcrClient(
      ClientOptions options,
      AzureCloud cloud,
      TokenCredential credential,
      String subscriptionId,
      String apiVersion) {
    this.pipeline =
        ArmPipelines.create(options, credential, cloud, "sdk-acr", AcrServiceException::new);
    this.generate =
        new GenerateCredentialsCall(
            pipeline, ArmPipelines.endpoint(options, cloud), subscriptionId, apiVersion);
  }

  /**
   * Returns a builder; {@link Builder#credential} and {@link Builder#subscriptionId} are required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates new passwords for a token and waits for them, polling if the service accepts the call
   * for later (HTTP 202).
   *
   * @throws ValidationException if {@code tokenId} names another subscription (nothing is sent)
   * @throws AcrServiceException if the service refuses the call; see {@link
   *     AcrServiceException#isRegistryOrTokenNotFound()}
   * @throws dev.rekey.core.OutcomeUnknownException if the passwords may have changed but the answer
   *     was lost
   * @throws dev.rekey.core.CredentialNotReturnedException if the passwords were regenerated but the
   *     answer lacked the one asked for (or both) or could not be read
   * @throws dev.rekey.core.RekeyException the other failures listed on this class
   */
  public GeneratedCredentials generateCredentials(GenerateCredentialsRequest request) {
    return beginGenerateCredentials(request).waitForCompletion();
  }

  /**
   * Builds a request with {@code request} and generates its passwords like {@link
   * #generateCredentials(GenerateCredentialsRequest)}.
   *
   * @throws ValidationException if the request breaks a rule (nothing is sent)
   * @throws dev.rekey.core.RekeyException as {@link
   *     #generateCredentials(GenerateCredentialsRequest)}
   */
  public GeneratedCredentials generateCredentials(
      Consumer<GenerateCredentialsRequest.Builder> request) {
    return generateCredentials(build(request));
  }

  /**
   * Sends the request and returns its operation at once: completed when the service answered 200,
   * polling when it answered 202. The operation's {@code waitForCompletion()} returns the
   * passwords.
   *
   * @throws ValidationException if the request breaks a rule checked by the client (nothing is
   *     sent)
   * @throws AcrServiceException if the service refuses the call
   * @throws dev.rekey.core.OutcomeUnknownException if the passwords may have changed but the answer
   *     was lost
   * @throws dev.rekey.core.TransportException if the request could not be sent
   */
  public Operation<GeneratedCredentials> beginGenerateCredentials(
      GenerateCredentialsRequest request) {
    return generate.begin(request);
  }

  /**
   * Builds a request with {@code request}, then behaves as {@link
   * #beginGenerateCredentials(GenerateCredentialsRequest)}.
   *
   * @throws ValidationException if the request breaks a rule (nothing is sent)
   */
  public Operation<GeneratedCredentials> beginGenerateCredentials(
      Consumer<GenerateCredentialsRequest.Builder> request) {
    return beginGenerateCredentials(build(request));
  }

  /**
   * Generates new passwords without blocking a thread; the future completes with the passwords or
   * exceptionally with the exceptions {@link #generateCredentials(GenerateCredentialsRequest)}
   * throws.
   *
   * @throws ValidationException at once, before any I/O, if the request breaks a rule checked by
   *     the client
   */
  public CompletableFuture<GeneratedCredentials> generateCredentialsAsync(
      GenerateCredentialsRequest request) {
    return generate.runAsync(request);
  }

  /**
   * Builds a request with {@code request} and generates its passwords like {@link
   * #generateCredentialsAsync(GenerateCredentialsRequest)}.
   *
   * @throws ValidationException at once if the request breaks a rule (nothing is sent)
   */
  public CompletableFuture<GeneratedCredentials> generateCredentialsAsync(
      Consumer<GenerateCredentialsRequest.Builder> request) {
    return generateCredentialsAsync(build(request));
  }

  /**
   * Releases the connection pool and threads of this client (not those of an application's own
   * OkHttp client). Calls made after it fail with {@link dev.rekey.core.RekeyException} before
   * anything is sent.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "AcrClient[" + generate + "]";
  }

  private static GenerateCredentialsRequest build(
      Consumer<GenerateCredentialsRequest.Builder> request) {
    GenerateCredentialsRequest.Builder b = GenerateCredentialsRequest.builder();
    request.accept(b);
    return b.build();
  }

  /** Builds an {@link AcrClient}; not thread-safe. */
  public static final class Builder extends AzureClientBuilder<Builder> {
    private @Nullable String subscriptionId;
    private String apiVersion = DEFAULT_API_VERSION;

    private Builder() {}

    /** Sets the subscription that holds the registries. */
    public Builder subscriptionId(String subscriptionId) {
      this.subscriptionId = subscriptionId;
      return this;
    }

    /** Sets the ARM api-version; {@value AcrClient#DEFAULT_API_VERSION} by default. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws ValidationException if the credential is missing, the subscription id is not a UUID
     *     or the api-version is not a date such as {@code 2023-01-01-preview}
     */
    public AcrClient build() {
      TokenCredential c = Check.notNull("credential", configuredCredential());
      String sub = ArmNames.subscriptionId(subscriptionId);
      return new AcrClient(
          configuredOptions(), configuredCloud(), c, sub, ArmNames.apiVersion(apiVersion));
    }
  }
}
