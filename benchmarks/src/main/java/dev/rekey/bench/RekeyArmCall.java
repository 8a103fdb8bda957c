package dev.rekey.bench;

import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import java.util.concurrent.CompletableFuture;

/** Rekey's ARM storage {@code regenerateKey}. */
public final class RekeyArmCall implements Call {
  private final StorageAccountKeysClient client =
      StorageAccountKeysClient.builder()
          .subscriptionId(Ids.SUB)
          .credential(BenchCredential.create())
          .options(Ids.options())
          .build();

  @Override
  public Object call() {
    return client.regenerateKey(
        r -> r.resourceGroup(Ids.RG).accountName("benchstorage").keyName(KeyName.KEY1));
  }

  @Override
  public CompletableFuture<?> callAsync() {
    return client.regenerateKeyAsync(
        RegenerateKeyRequest.builder()
            .resourceGroup(Ids.RG)
            .accountName("benchstorage")
            .keyName(KeyName.KEY1)
            .build());
  }

  @Override
  public void close() {
    client.close();
  }
}
