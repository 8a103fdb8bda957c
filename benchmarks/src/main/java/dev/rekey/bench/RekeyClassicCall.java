package dev.rekey.bench;

import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Rekey's classic (Service Management, XML) storage {@code regenerateKeys}, answered 200 at once.
 */
public final class RekeyClassicCall implements Call {
  private final ClassicStorageKeysClient client =
      ClassicStorageKeysClient.builder()
          .subscriptionId(Ids.SUB)
          .credential(BenchCredential.create())
          .options(Ids.options())
          .build();

  @Override
  public Object call() {
    return client.regenerateKeys(r -> r.serviceName("benchstore").keyType(KeyType.SECONDARY));
  }

  @Override
  public CompletableFuture<?> callAsync() {
    return client.regenerateKeysAsync(
        RegenerateKeysRequest.builder()
            .keyType(KeyType.SECONDARY)
            .serviceName("benchstore")
            .build());
  }

  @Override
  public void close() {
    client.close();
  }
}
