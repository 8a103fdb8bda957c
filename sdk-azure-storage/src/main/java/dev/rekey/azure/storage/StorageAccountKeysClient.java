package dev.rekey.azure.storage;

import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.AzureClientBuilder;
import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.internal.ArmOperations;
import dev.rekey.azure.internal.ArmPipelines;
import dev.rekey.azure.storage.internal.ArmKeysLostAnswers;
import dev.rekey.azure.storage.internal.ArmKeysWire;
import dev.rekey.azure.storage.model.ListKeysRequest;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.RotateStandbyKeyRequest;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.Built;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.http.UrlCache;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.poll.Operation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Regenerates and lists the keys of Azure Storage accounts through Azure Resource Manager ({@code
 * POST .../Microsoft.Storage/storageAccounts/{account}/regenerateKey}, api-version {@value
 * #DEFAULT_API_VERSION} by default), authenticated by any Azure Identity {@link TokenCredential}
 * for the cloud's ARM scope.
 *
 * <p>Every call returns <em>all</em> the account's keys. A rotation is re-sent only as {@link
 * dev.rekey.core.retry.RetryPolicy} allows; a lost answer ends in {@link
 * dev.rekey.core.OutcomeUnknownException} (then {@link #listKeys(ListKeysRequest)} tells what
 * happened).
 *
 * <pre>{@code
 * try (StorageAccountKeysClient storage = StorageAccountKeysClient.builder()
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .subscriptionId("00000000-0000-0000-0000-000000000000")
 *     .build()) {
 *   StorageAccountKeys keys = storage.regenerateKey(r -> r
 *       .resourceGroup("my-rg").accountName("mystorage").keyName(KeyName.KEY2));
 * }
 * }</pre>
 *
 * <p>Clients are immutable and thread-safe; {@link #close()} releases connections and threads.
 */
public final class StorageAccountKeysClient implements AutoCloseable {
  /** The ARM api-version sent unless {@link Builder#apiVersion(String)} sets another. */
  public static final String DEFAULT_API_VERSION = "2023-05-01";

  private final HttpPipeline pipeline;
  private final HttpUrl base;
  private final UrlCache urls = new UrlCache();
  private final String subscriptionId;
  private final String apiVersion;

  private StorageAccountKeysClient(
      HttpPipeline pipeline, HttpUrl base, String subscriptionId, String apiVersion) {
    this.pipeline = pipeline;
    this.base = base;
    this.subscriptionId = subscriptionId;
    this.apiVersion = apiVersion;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Regenerates the key {@code request} names and returns all the account's keys, waiting for the
   * operation if ARM accepts it for later (202).
   *
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.OutcomeUnknownException if the key may have changed but the answer was
   *     lost
   * @throws dev.rekey.core.CredentialNotReturnedException if the key was regenerated but the answer
   *     lacked either key of the pair or could not be read
   * @throws dev.rekey.core.RekeyException as {@link Operation#waitForCompletion()} describes
   */
  public StorageAccountKeys regenerateKey(RegenerateKeyRequest request) {
    return beginRegenerateKey(request).waitForCompletion();
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #regenerateKey(RegenerateKeyRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public StorageAccountKeys regenerateKey(Consumer<RegenerateKeyRequest.Builder> request) {
    return regenerateKey(
        Built.by(RegenerateKeyRequest.builder(), request, RegenerateKeyRequest.Builder::build));
  }

  /**
   * Sends the regeneration and returns its operation: completed on 200, polling ARM's status on
   * 202.
   *
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.OutcomeUnknownException if the key may have changed but the answer was
   *     lost
   */
  public Operation<StorageAccountKeys> beginRegenerateKey(RegenerateKeyRequest request) {
    if (request.confirmOutcome()) {
      return ArmKeysLostAnswers.begin(pipeline, regenerate(request), listOf(request), request);
    }
    return ArmOperations.begin(pipeline, regenerate(request), regenerated(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #beginRegenerateKey(RegenerateKeyRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public Operation<StorageAccountKeys> beginRegenerateKey(
      Consumer<RegenerateKeyRequest.Builder> request) {
    return beginRegenerateKey(
        Built.by(RegenerateKeyRequest.builder(), request, RegenerateKeyRequest.Builder::build));
  }

  /**
   * Regenerates without blocking; the future ends with all keys or the exceptions of the sync form.
   */
  public CompletableFuture<StorageAccountKeys> regenerateKeyAsync(RegenerateKeyRequest request) {
    if (request.confirmOutcome()) {
      return ArmKeysLostAnswers.run(pipeline, regenerate(request), listOf(request), request);
    }
    return ArmOperations.runAsync(pipeline, regenerate(request), regenerated(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #regenerateKeyAsync(RegenerateKeyRequest)}.
   *
   * @throws ValidationException at once if the request is invalid (nothing is sent)
   */
  public CompletableFuture<StorageAccountKeys> regenerateKeyAsync(
      Consumer<RegenerateKeyRequest.Builder> request) {
    return regenerateKeyAsync(
        Built.by(RegenerateKeyRequest.builder(), request, RegenerateKeyRequest.Builder::build));
  }

  /**
   * Lists the account's current keys ({@code POST .../listKeys}, safe to repeat).
   *
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.TransportException if the request could not be sent or its answer read
   */
  public StorageAccountKeys listKeys(ListKeysRequest request) {
    return ArmOperations.begin(pipeline, list(request), ArmKeysWire.listed()).waitForCompletion();
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link #listKeys(ListKeysRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public StorageAccountKeys listKeys(Consumer<ListKeysRequest.Builder> request) {
    return listKeys(Built.by(ListKeysRequest.builder(), request, ListKeysRequest.Builder::build));
  }

  /**
   * Lists the keys without blocking; the future ends as {@link #listKeys(ListKeysRequest)} would.
   */
  public CompletableFuture<StorageAccountKeys> listKeysAsync(ListKeysRequest request) {
    return ArmOperations.runAsync(pipeline, list(request), ArmKeysWire.listed());
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #listKeysAsync(ListKeysRequest)}.
   *
   * @throws ValidationException at once if the request is invalid (nothing is sent)
   */
  public CompletableFuture<StorageAccountKeys> listKeysAsync(
      Consumer<ListKeysRequest.Builder> request) {
    return listKeysAsync(
        Built.by(ListKeysRequest.builder(), request, ListKeysRequest.Builder::build));
  }

  /**
   * Regenerates the partner of the key in use ({@code key2} while {@code key1} is in use) and
   * returns all keys. Switch, then rotate:
   *
   * <pre>{@code
   * StorageAccountKeys keys = storage.rotateStandbyKey(r -> r
   *     .resourceGroup("my-rg").accountName("mystorage").inUse(KeyName.KEY1));
   * deploy(keys.key(KeyName.KEY2));     // apps move to the fresh key2, then renew key1:
   * storage.rotateStandbyKey(r -> r.resourceGroup("my-rg").accountName("mystorage").inUse(KeyName.KEY2));
   * }</pre>
   *
   * @throws dev.rekey.core.RekeyException as {@link #regenerateKey(RegenerateKeyRequest)} describes
   */
  public StorageAccountKeys rotateStandbyKey(RotateStandbyKeyRequest request) {
    return regenerateKey(standby(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #rotateStandbyKey(RotateStandbyKeyRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public StorageAccountKeys rotateStandbyKey(Consumer<RotateStandbyKeyRequest.Builder> request) {
    return rotateStandbyKey(
        Built.by(
            RotateStandbyKeyRequest.builder(), request, RotateStandbyKeyRequest.Builder::build));
  }

  /**
   * Sends the regeneration of the standby key and returns its operation, as {@link
   * #beginRegenerateKey}.
   */
  public Operation<StorageAccountKeys> beginRotateStandbyKey(RotateStandbyKeyRequest request) {
    return beginRegenerateKey(standby(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #beginRotateStandbyKey(RotateStandbyKeyRequest)}.
   *
   * @throws ValidationException if the request is invalid (nothing is sent)
   */
  public Operation<StorageAccountKeys> beginRotateStandbyKey(
      Consumer<RotateStandbyKeyRequest.Builder> request) {
    return beginRotateStandbyKey(
        Built.by(
            RotateStandbyKeyRequest.builder(), request, RotateStandbyKeyRequest.Builder::build));
  }

  /**
   * Regenerates the standby key without blocking; the future ends as {@link #rotateStandbyKey}
   * would.
   */
  public CompletableFuture<StorageAccountKeys> rotateStandbyKeyAsync(
      RotateStandbyKeyRequest request) {
    return regenerateKeyAsync(standby(request));
  }

  /**
   * Builds the request with {@code request}, then behaves as {@link
   * #rotateStandbyKeyAsync(RotateStandbyKeyRequest)}.
   *
   * @throws ValidationException at once if the request is invalid (nothing is sent)
   */
  public CompletableFuture<StorageAccountKeys> rotateStandbyKeyAsync(
      Consumer<RotateStandbyKeyRequest.Builder> request) {
    return rotateStandbyKeyAsync(
        Built.by(
            RotateStandbyKeyRequest.builder(), request, RotateStandbyKeyRequest.Builder::build));
  }

  private static RegenerateKeyRequest standby(RotateStandbyKeyRequest request) {
    Objects.requireNonNull(request, "request == null");
    return RegenerateKeyRequest.builder()
        .resourceGroup(request.resourceGroup())
        .accountName(request.accountName())
        .keyName(request.standby())
        .confirmOutcome(request.confirmOutcome())
        .build();
  }

  private static ResultReader<StorageAccountKeys> regenerated(RegenerateKeyRequest request) {
    return ArmKeysWire.regenerated(request.accountName(), request.keyName());
  }

  private ApiRequest regenerate(RegenerateKeyRequest request) {
    Objects.requireNonNull(request, "request == null");
    return ApiRequest.post(
            url(request.resourceGroup(), request.accountName(), "regenerateKey"),
            ArmKeysWire.regenerateBody(request.keyName()),
            "application/json")
        .operationName("Storage regenerateKey " + request.keyName().wireName())
        .build();
  }

  private ApiRequest list(ListKeysRequest request) {
    Objects.requireNonNull(request, "request == null");
    HttpUrl url = url(request.resourceGroup(), request.accountName(), "listKeys");
    if (request.includeKerberosKeys()) {
      url = url.newBuilder().addQueryParameter("$expand", "kerb").build();
    }
    return ApiRequest.post(url, new byte[0], "application/json")
        .repeatability(ApiRequest.Repeatability.REPEATABLE)
        .operationName("Storage listKeys")
        .build();
  }

  private ApiRequest listOf(RegenerateKeyRequest request) {
    return list(
        ListKeysRequest.builder()
            .resourceGroup(request.resourceGroup())
            .accountName(request.accountName())
            .includeKerberosKeys(request.keyName().isKerberos())
            .build());
  }

  private HttpUrl url(String resourceGroup, String accountName, String action) {
    // Checked names: no '/' in a resource group or an account name.
    return urls.get(
        resourceGroup + '/' + accountName + '/' + action,
        k -> build(resourceGroup, accountName, action));
  }

  private HttpUrl build(String resourceGroup, String accountName, String action) {
    return base.newBuilder()
        .addPathSegment("subscriptions")
        .addPathSegment(subscriptionId)
        .addPathSegment("resourceGroups")
        .addPathSegment(resourceGroup)
        .addPathSegments("providers/Microsoft.Storage/storageAccounts")
        .addPathSegment(accountName)
        .addPathSegment(action)
        .addQueryParameter("api-version", apiVersion)
        .build();
  }

  /**
   * Releases this client's connections and threads. Calls made after it fail with {@link
   * dev.rekey.core.RekeyException} before anything is sent.
   */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "StorageAccountKeysClient[subscription " + subscriptionId + "]";
  }

  /** Builds a {@link StorageAccountKeysClient}. */
  public static final class Builder extends AzureClientBuilder<Builder> {
    private static final Pattern API_VERSION =
        Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(-[a-zA-Z]+)?$");

    private @Nullable String subscriptionId;
    private String apiVersion = DEFAULT_API_VERSION;

    private Builder() {}

    /**
     * Sets the ARM api-version; {@value StorageAccountKeysClient#DEFAULT_API_VERSION} by default.
     */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /** Sets the subscription holding the accounts (a UUID). */
    public Builder subscriptionId(String subscriptionId) {
      this.subscriptionId = subscriptionId;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws ValidationException if no credential was set, the subscription id is not a UUID or
     *     the api-version is not a date such as {@code 2023-05-01}
     */
    public StorageAccountKeysClient build() {
      TokenCredential credential = Check.notNull("credential", configuredCredential());
      String sub = ArmNames.subscriptionId(subscriptionId);
      Check.matches(
          "apiVersion", apiVersion, API_VERSION, "must look like 2023-05-01 or 2023-05-01-preview");
      HttpPipeline pipeline =
          ArmPipelines.create(
              configuredOptions(),
              credential,
              configuredCloud(),
              "sdk-azure-storage",
              StorageServiceException::new);
      return new StorageAccountKeysClient(
          pipeline, ArmPipelines.endpoint(configuredOptions(), configuredCloud()), sub, apiVersion);
    }
  }
}
