package dev.rekey.azure.storage;

import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.AzureClientBuilder;
import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.internal.ArmOperations;
import dev.rekey.azure.internal.ArmPipelines;
import dev.rekey.azure.storage.internal.ArmKeysLostAnswers;
import dev.rekey.azure.storage.internal.ArmKeysWire;
import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.poll.Operation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Regenerates and lists the keys of Azure Storage accounts through Azure Resource Manager ({@code POST
 * .../Microsoft.Storage/storageAccounts/{account}/regenerateKey}, api-version {@value #API_VERSION}),
 * authenticated by any Azure Identity {@link TokenCredential} for the cloud's ARM scope.
 *
 * <p>Every call returns <em>all</em> the account's keys. A rotation is re-sent only after {@code 429}
 * or {@code 503} with {@code Retry-After}; a lost answer ends in {@link
 * dev.rekey.core.OutcomeUnknownException} (then {@link #listKeys} tells what happened).
 *
 * <pre>{@code
 * try (StorageAccountKeysClient storage = StorageAccountKeysClient.builder()
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .subscriptionId("00000000-0000-0000-0000-000000000000")
 *     .build()) {
 *   List<StorageAccountKey> keys = storage.regenerateKey("my-rg", "mystorage", KeyName.KEY2);
 * }
 * }</pre>
 *
 * <p>Clients are immutable and thread-safe; {@link #close()} releases connections and threads.
 */
public final class StorageAccountKeysClient implements AutoCloseable {
  /** The ARM api-version this client speaks. */
  public static final String API_VERSION = "2023-05-01";

  private final HttpPipeline pipeline;
  private final HttpUrl base;
  private final String subscriptionId;

  private StorageAccountKeysClient(HttpPipeline pipeline, HttpUrl base, String subscriptionId) {
    this.pipeline = pipeline;
    this.base = base;
    this.subscriptionId = subscriptionId;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Regenerates key {@code keyName} of account {@code accountName} and returns all its keys.
   *
   * @throws ValidationException if a name breaks its rule
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.OutcomeUnknownException if the key may have changed but the answer was lost
   * @throws dev.rekey.core.CredentialNotReturnedException if the key was regenerated but the answer
   *     lacked either key of the pair or could not be read
   * @throws dev.rekey.core.RekeyException as {@link Operation#waitForCompletion()} describes
   */
  public List<StorageAccountKey> regenerateKey(String resourceGroup, String accountName, KeyName keyName) {
    return regenerateKey(
        RegenerateKeyRequest.builder().resourceGroup(resourceGroup).accountName(accountName).keyName(keyName).build());
  }

  /**
   * Regenerates the key {@code request} names and returns all the account's keys.
   *
   * @throws dev.rekey.core.RekeyException as {@link #regenerateKey(String, String, KeyName)} describes
   */
  public List<StorageAccountKey> regenerateKey(RegenerateKeyRequest request) {
    return beginRegenerateKey(request).waitForCompletion();
  }

  /**
   * Regenerates the key the consumer describes on a fresh request builder.
   *
   * @throws ValidationException if the request is invalid
   * @throws dev.rekey.core.RekeyException as {@link #regenerateKey(String, String, KeyName)} describes
   */
  public List<StorageAccountKey> regenerateKey(Consumer<RegenerateKeyRequest.Builder> request) {
    RegenerateKeyRequest.Builder b = RegenerateKeyRequest.builder();
    request.accept(b);
    return regenerateKey(b.build());
  }

  /**
   * Sends the regeneration and returns its operation: completed on 200, polling ARM's status on 202.
   *
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.OutcomeUnknownException if the key may have changed but the answer was lost
   */
  public Operation<List<StorageAccountKey>> beginRegenerateKey(RegenerateKeyRequest request) {
    if (request.confirmOutcome()) {
      return ArmKeysLostAnswers.begin(pipeline, regenerate(request), listOf(request), request);
    }
    return ArmOperations.begin(pipeline, regenerate(request), regenerated(request));
  }

  /** Regenerates without blocking; the future ends with all keys or the exceptions of the sync form. */
  public CompletableFuture<List<StorageAccountKey>> regenerateKeyAsync(RegenerateKeyRequest request) {
    if (request.confirmOutcome()) {
      return ArmKeysLostAnswers.run(pipeline, regenerate(request), listOf(request), request);
    }
    return ArmOperations.runAsync(pipeline, regenerate(request), regenerated(request));
  }

  /**
   * Lists the account's current keys ({@code POST .../listKeys}, safe to repeat).
   *
   * @throws ValidationException if a name breaks its rule
   * @throws StorageServiceException if the service refused the call
   * @throws dev.rekey.core.TransportException if the request could not be sent
   */
  public List<StorageAccountKey> listKeys(String resourceGroup, String accountName) {
    return ArmOperations.begin(pipeline, list(resourceGroup, accountName), ArmKeysWire.listed()).waitForCompletion();
  }

  /** Lists the keys without blocking; the future ends as {@link #listKeys} would. */
  public CompletableFuture<List<StorageAccountKey>> listKeysAsync(String resourceGroup, String accountName) {
    return ArmOperations.runAsync(pipeline, list(resourceGroup, accountName), ArmKeysWire.listed());
  }

  /**
   * Rotates the partner of the key in use ({@code key2} while {@code key1} is in use) and returns all
   * keys. Switch, then rotate:
   *
   * <pre>{@code
   * List<StorageAccountKey> keys = storage.rotateStandbyKey("my-rg", "mystorage", KeyName.KEY1);
   * deploy(keys);                       // apps move to the fresh key2
   * storage.rotateStandbyKey("my-rg", "mystorage", KeyName.KEY2);   // then renew key1
   * }</pre>
   *
   * @throws dev.rekey.core.RekeyException as {@link #regenerateKey(String, String, KeyName)} describes
   */
  public List<StorageAccountKey> rotateStandbyKey(String resourceGroup, String accountName, KeyName inUse) {
    return regenerateKey(resourceGroup, accountName, inUse.other());
  }

  private static ResultReader<List<StorageAccountKey>> regenerated(RegenerateKeyRequest request) {
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

  private ApiRequest listOf(RegenerateKeyRequest request) {
    return list(request.resourceGroup(), request.accountName());
  }

  private ApiRequest list(String resourceGroup, String accountName) {
    ArmNames.resourceGroup(resourceGroup);
    StorageNames.account("accountName", accountName);
    return ApiRequest.post(url(resourceGroup, accountName, "listKeys"), new byte[0], "application/json")
        .repeatability(ApiRequest.Repeatability.REPEATABLE)
        .operationName("Storage listKeys")
        .build();
  }

  private HttpUrl url(String resourceGroup, String accountName, String action) {
    return base.newBuilder()
        .addPathSegment("subscriptions").addPathSegment(subscriptionId)
        .addPathSegment("resourceGroups").addPathSegment(resourceGroup)
        .addPathSegments("providers/Microsoft.Storage/storageAccounts")
        .addPathSegment(accountName).addPathSegment(action)
        .addQueryParameter("api-version", API_VERSION)
        .build();
  }

  /** Releases this client's connections and threads. */
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
    private @Nullable String subscriptionId;

    private Builder() {}

    /** Sets the subscription holding the accounts (a UUID). */
    public Builder subscriptionId(String subscriptionId) {
      this.subscriptionId = subscriptionId;
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws ValidationException if no credential was set or the subscription id is not a UUID
     */
    public StorageAccountKeysClient build() {
      TokenCredential credential = Check.notNull("credential", configuredCredential());
      String sub = ArmNames.subscriptionId(subscriptionId);
      HttpPipeline pipeline =
          ArmPipelines.create(
              configuredOptions(), credential, configuredCloud(), "sdk-azure-storage", StorageServiceException::new);
      return new StorageAccountKeysClient(
          pipeline, ArmPipelines.endpoint(configuredOptions(), configuredCloud()), sub);
    }
  }
}
