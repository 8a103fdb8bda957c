package app;

import com.azure.core.credential.TokenCredential;
import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.ClientOptions;
import java.net.URI;

/**
 * What an application writes to rotate Azure credentials with Rekey (ACR, Storage ARM and classic).
 */
public final class KeyRotation {
  private final TokenCredential credential;
  private final String subscriptionId;

  /** Rotates with {@code credential} in {@code subscriptionId}. */
  public KeyRotation(TokenCredential credential, String subscriptionId) {
    this.credential = credential;
    this.subscriptionId = subscriptionId;
  }

  /** Generates password1 of an ACR token through the ARM endpoint {@code arm}. */
  public GeneratedCredentials acrPassword(URI arm, String group, String registry, String token) {
    try (AcrClient acr =
        AcrClient.builder()
            .credential(credential)
            .subscriptionId(subscriptionId)
            .options(ClientOptions.builder().endpoint(arm).build())
            .build()) {
      return acr.generateCredentials(
          r ->
              r.resourceGroup(group)
                  .registry(registry)
                  .token(token)
                  .passwordName(TokenPasswordName.PASSWORD1));
    }
  }

  /** Regenerates key1 of a storage account through ARM (JSON). */
  public StorageAccountKeys storageKey1(URI arm, String group, String account) {
    try (StorageAccountKeysClient storage =
        StorageAccountKeysClient.builder()
            .credential(credential)
            .subscriptionId(subscriptionId)
            .options(ClientOptions.builder().endpoint(arm).build())
            .build()) {
      return storage.regenerateKey(
          r -> r.resourceGroup(group).accountName(account).keyName(KeyName.KEY1));
    }
  }

  /** Regenerates the secondary key of a classic storage service (XML). */
  public StorageServiceKeys classicSecondary(URI management, String service) {
    try (ClassicStorageKeysClient storage =
        ClassicStorageKeysClient.builder()
            .credential(credential)
            .subscriptionId(subscriptionId)
            .options(ClientOptions.builder().endpoint(management).build())
            .build()) {
      return storage.rotateStandbyKey(r -> r.serviceName(service).inUse(KeyType.PRIMARY));
    }
  }
}
