package dev.rekey.azure.storage;

import dev.rekey.azure.storage.model.GetKeysRequest;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.ListKeysRequest;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import dev.rekey.azure.storage.model.RotateStandbyKeyRequest;
import dev.rekey.azure.storage.model.RotateStandbyServiceKeyRequest;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceError;
import dev.rekey.core.test.Canaries;
import dev.rekey.core.test.ModelSweep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public storage model and exception, holding canary keys, shows none of them. */
class ModelsHideSecretsTest {

  @Test
  void everyModelAndExceptionHidesItsSecrets() {
    ModelSweep.assertSampledAndClean(
        StorageAccountKey.class,
        "dev.rekey.azure.storage.model",
        false,
        List.of(
            StorageAccountKey.builder()
                .keyName("key1")
                .value(Secret.of(Canaries.STORAGE_KEY))
                .build(),
            StorageServiceKeys.builder()
                .url("https://management.core.windows.net/sub/services/storageservices/acct")
                .primary(Secret.of(Canaries.STORAGE_KEY))
                .secondary(Secret.of(Canaries.STORAGE_KEY.toLowerCase(java.util.Locale.ROOT)))
                .build(),
            RegenerateKeyRequest.builder()
                .resourceGroup("rg")
                .accountName("acct")
                .keyName(KeyName.KEY1)
                .build(),
            RegenerateKeysRequest.builder().serviceName("acct").keyType(KeyType.PRIMARY).build(),
            StorageAccountKeys.builder()
                .addKeys(
                    StorageAccountKey.builder()
                        .keyName("key2")
                        .value(Secret.of(Canaries.STORAGE_KEY))
                        .build())
                .build(),
            ListKeysRequest.builder().resourceGroup("rg").accountName("acct").build(),
            RotateStandbyKeyRequest.builder()
                .resourceGroup("rg")
                .accountName("acct")
                .inUse(KeyName.KEY1)
                .build(),
            GetKeysRequest.builder().serviceName("acct").build(),
            RotateStandbyServiceKeyRequest.builder()
                .serviceName("acct")
                .inUse(KeyType.PRIMARY)
                .build()));
    ModelSweep.assertSampledAndClean(
        StorageAccountKeysClient.class,
        "dev.rekey.azure.storage",
        true,
        List.of(
            new StorageServiceException(
                new ServiceError(409, "Conflict", "busy", null, List.of(), "req-1"))));
  }
}
