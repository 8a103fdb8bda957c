package dev.rekey.netapp;

import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.AzureClientBuilder;
import dev.rekey.azure.AzureCloud;
import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.internal.ArmOperations;
import dev.rekey.azure.internal.ArmPipelines;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.TransportException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.http.UrlCache;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.poll.Operation;
import dev.rekey.netapp.internal.BucketCredentialsCall;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.netapp.model.BucketCredentials;
import dev.rekey.netapp.model.BucketCredentialsRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Generates Azure NetApp Files volume bucket credentials (an access key and secret key for the
 * bucket's S3 endpoint) through Azure Resource Manager. Immutable and thread-safe: build one, share
 * it, and {@link #close()} it when done.
 *
 * <pre>{@code
 * try (NetAppClient anf = NetAppClient.builder().credential(new DefaultAzureCredentialBuilder().build()).build()) {
 *   BucketCredentials creds = anf.generateBucketCredentials(r -> r
 *       .bucketId("/subscriptions/…/buckets/bucket1")
 *       .keyPairExpiryDays(30));
 * }
 * }</pre>
 *
 * <p>Every call generates a new key pair, so it is re-sent only as {@link
 * dev.rekey.core.retry.RetryPolicy} allows for a rotation; a lost answer ends in {@link
 * OutcomeUnknownException}.
 */
public final class NetAppClient implements AutoCloseable {
  /** The api-version sent unless {@link Builder#apiVersion(String)} says otherwise. */
  public static final String DEFAULT_API_VERSION = "2026-01-01";

  private final HttpPipeline pipeline;
  private final HttpUrl endpoint;
  private final String apiVersion;
  private final UrlCache urls = new UrlCache(); // each bucket's generateCredentials URL

  private NetAppClient(
      @Nullable TokenCredential configuredCredential,
      AzureCloud cloud,
      ClientOptions options,
      String apiVersion) {
    TokenCredential credential = Check.notNull("credential", configuredCredential);
    this.apiVersion = ArmNames.apiVersion(apiVersion);
    this.endpoint = ArmPipelines.endpoint(options, cloud);
    this.pipeline =
        ArmPipelines.create(options, credential, cloud, "sdk-netapp", NetAppServiceException::new);
  }

  /** Returns a builder; only {@link Builder#credential(TokenCredential)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates a new key pair for the bucket and returns it, waiting for the operation if ARM
   * accepts it for later (202).
   *
   * @throws NetAppServiceException the service refused (status, code, message, target, request id)
   * @throws OutcomeUnknownException the answer was lost; a key pair may have been generated
   * @throws OperationFailedException ARM accepted the call and the operation then failed
   * @throws PollingTimeoutException the operation did not finish within the polling policy's
   *     timeout
   * @throws dev.rekey.core.CredentialNotReturnedException a key pair was generated but the answer
   *     lacked it or could not be read
   * @throws TransportException the network failed before the service could have processed the call
   */
  public BucketCredentials generateBucketCredentials(BucketCredentialsRequest request) {
    return beginGenerateBucketCredentials(request).waitForCompletion();
  }

  /**
   * Builds the request with {@code request} and generates a new key pair, as {@link
   * #generateBucketCredentials(BucketCredentialsRequest)}.
   *
   * @throws ValidationException the request breaks a rule of the service; nothing was sent
   * @throws NetAppServiceException as {@link #generateBucketCredentials(BucketCredentialsRequest)}
   */
  public BucketCredentials generateBucketCredentials(
      Consumer<BucketCredentialsRequest.Builder> request) {
    return generateBucketCredentials(build(request));
  }

  /**
   * Sends the request and returns its operation at once: already completed for a 200 answer, or
   * following ARM's {@code Azure-AsyncOperation}/{@code Location} for a 202.
   *
   * @throws NetAppServiceException the service refused the call
   * @throws OutcomeUnknownException the answer was lost; a key pair may have been generated
   * @throws TransportException the network failed before the service could have processed the call
   */
  public Operation<BucketCredentials> beginGenerateBucketCredentials(
      BucketCredentialsRequest request) {
    Objects.requireNonNull(request, "request == null");
    return ArmOperations.begin(pipeline, call(request), reader(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #beginGenerateBucketCredentials(BucketCredentialsRequest)}.
   *
   * @throws ValidationException the request breaks a rule of the service; nothing was sent
   */
  public Operation<BucketCredentials> beginGenerateBucketCredentials(
      Consumer<BucketCredentialsRequest.Builder> request) {
    return beginGenerateBucketCredentials(build(request));
  }

  /**
   * Generates a new key pair without blocking a thread; the future completes with the key pair or
   * with one of the exceptions {@link #generateBucketCredentials(BucketCredentialsRequest)} throws.
   *
   * @throws NullPointerException if {@code request} is null
   */
  public CompletableFuture<BucketCredentials> generateBucketCredentialsAsync(
      BucketCredentialsRequest request) {
    Objects.requireNonNull(request, "request == null");
    return ArmOperations.runAsync(pipeline, call(request), reader(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #generateBucketCredentialsAsync(BucketCredentialsRequest)}.
   *
   * @throws ValidationException the request breaks a rule of the service (thrown at once, not
   *     through the future); nothing was sent
   */
  public CompletableFuture<BucketCredentials> generateBucketCredentialsAsync(
      Consumer<BucketCredentialsRequest.Builder> request) {
    return generateBucketCredentialsAsync(build(request));
  }

  /** Returns the api-version this client sends. */
  public String apiVersion() {
    return apiVersion;
  }

  /**
   * Releases the client's connections and threads (unless the options supplied the OkHttp client).
   * Calls made after it fail with {@link dev.rekey.core.RekeyException} before anything is sent.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "NetAppClient[" + endpoint + ", api-version " + apiVersion + "]";
  }

  private ApiRequest call(BucketCredentialsRequest request) {
    BucketAddress a = request.address();
    // Names are checked (none holds a '/'), so the resource id names one URL.
    HttpUrl url =
        urls.get(a.toResourceId(), id -> BucketCredentialsCall.url(endpoint, apiVersion, a));
    return BucketCredentialsCall.request(url, request);
  }

  /** Reads the answer to {@code request}, sent now: a pair without an expiry expires as asked. */
  private ResultReader<BucketCredentials> reader(BucketCredentialsRequest request) {
    return BucketCredentialsCall.reader(request, pipeline.time().now());
  }

  private static BucketCredentialsRequest build(
      Consumer<BucketCredentialsRequest.Builder> request) {
    Objects.requireNonNull(request, "request == null");
    BucketCredentialsRequest.Builder b = BucketCredentialsRequest.builder();
    request.accept(b);
    return b.build();
  }

  /** Builds a {@link NetAppClient}. */
  public static final class Builder extends AzureClientBuilder<Builder> {
    private String apiVersion = DEFAULT_API_VERSION;

    private Builder() {}

    /** Sets the api-version to send; {@value NetAppClient#DEFAULT_API_VERSION} by default. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws ValidationException if no credential was set or the api-version is not a date such as
     *     {@code 2026-01-01}
     */
    public NetAppClient build() {
      return new NetAppClient(
          configuredCredential(), configuredCloud(), configuredOptions(), apiVersion);
    }
  }
}
