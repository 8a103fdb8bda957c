package dev.rekey.examples.readme;

import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.rotation.FileJournal;
import dev.rekey.rotation.RotationResult;
import dev.rekey.rotation.Rotator;
import dev.rekey.rotation.azure.KeyVaultSink;
import dev.rekey.rotation.azure.StorageKeyTarget;
import dev.rekey.rotation.azure.StorageKeyVerifier;
import java.nio.file.Path;

/** README Key Vault rotation snippet; compiled (RotateStorageKeyToKeyVaultTest runs the same flow). */
final class KeyVaultRotation {
  private KeyVaultRotation() {}

  static RotationResult rotate(StorageAccountKeysClient storage, TokenCredential credential) {
    // readme:keyvault-rotation:start
    try (KeyVaultSink vault = KeyVaultSink.builder()
            .credential(credential)                       // token scope: https://vault.azure.net/.default
            .vaultName("my-vault")                        // https://my-vault.vault.azure.net
            .secretName("mystore-key")
            .build();
        StorageKeyVerifier verifier = StorageKeyVerifier.builder()
            .accountName("mystore")                       // https://mystore.blob.core.windows.net
            .build();
        FileJournal journal = FileJournal.open(Path.of("rotation.journal"))) {
      StorageKeyTarget target = StorageKeyTarget.builder()
          .client(storage).resourceGroup("my-rg").account("mystore").verifier(verifier).build();
      return Rotator.builder().sink(vault).journal(journal).build().rotate(target);
    }
    // readme:keyvault-rotation:end
  }
}
