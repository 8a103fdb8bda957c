package dev.rekey.examples;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.core.ClientOptions;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.MemoryJournal;
import dev.rekey.rotation.Published;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.RotationResult;
import dev.rekey.rotation.Rotator;
import dev.rekey.rotation.VerificationFailedException;
import dev.rekey.rotation.azure.KeyVaultSink;
import dev.rekey.rotation.azure.StorageKeyTarget;
import dev.rekey.rotation.azure.StorageKeyVerifier;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.KeyVaultEmulator;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * Rotates a storage account key into Azure Key Vault as one workflow: regenerate the key
 * applications do not use, prove it with a Shared Key-signed request to the account, publish it as
 * a new Key Vault secret version (tagged with the rotation and slot, read back), then regenerate
 * the old key so it dies. Prints the slots and the Key Vault version, never a key.
 *
 * <p>By default it runs against the embedded storage and Key Vault emulators. With {@code
 * AZURE_SUBSCRIPTION_ID}, {@code AZURE_STORAGE_RESOURCE_GROUP}, {@code AZURE_STORAGE_ACCOUNT} and
 * {@code AZURE_KEYVAULT_NAME} set it rotates a real account into secret {@code {account}-key} of
 * that vault, signed in with DefaultAzureCredential.
 */
public final class RotateStorageKeyToKeyVault {
  private static final String SUB = "00000000-0000-0000-0000-000000000000";

  private RotateStorageKeyToKeyVault() {}

  /** Runs the example. */
  public static void main(String[] args) {
    RealTargets real = RealTargets.fromEnvironment();
    String vaultName = real.get("AZURE_KEYVAULT_NAME");
    if (real.configured("storage-arm") && vaultName != null) {
      String account = real.required("AZURE_STORAGE_ACCOUNT");
      try (StorageAccountKeysClient storage = real.storageArm();
          KeyVaultSink vault =
              KeyVaultSink.builder()
                  .credential(new DefaultAzureCredentialBuilder().build())
                  .vaultName(vaultName)
                  .secretName(account + "-key")
                  .build();
          StorageKeyVerifier verifier = StorageKeyVerifier.builder().accountName(account).build()) {
        System.out.println(
            rotate(
                storage, vault, verifier, real.required("AZURE_STORAGE_RESOURCE_GROUP"), account));
      }
    } else {
      System.out.println(onEmulators());
    }
  }

  /** Runs the rotation against freshly started emulators and returns what happened. */
  static String onEmulators() {
    try (ArmStorageEmulator arm = new ArmStorageEmulator();
        KeyVaultEmulator keyVault = new KeyVaultEmulator()) {
      arm.start();
      keyVault.start();
      arm.addAccount(SUB, "example-rg", "examplestore");
      TokenCredential demoToken =
          context ->
              Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));
      try (StorageAccountKeysClient storage =
              StorageAccountKeysClient.builder()
                  .subscriptionId(SUB)
                  .credential(demoToken)
                  .options(ClientOptions.builder().endpoint(arm.baseUrl()).build())
                  .build();
          KeyVaultSink vault =
              KeyVaultSink.builder()
                  .credential(demoToken)
                  .vaultUrl(keyVault.baseUrl())
                  .secretName("examplestore-key")
                  .build();
          StorageKeyVerifier verifier =
              StorageKeyVerifier.builder()
                  .accountName("examplestore")
                  .endpoint(arm.blobEndpoint("examplestore"))
                  .build()) {
        return rotate(storage, vault, verifier, "example-rg", "examplestore");
      }
    }
  }

  /**
   * Rotates the account's standby key into the vault and retires the old one; the first run adopts
   * key1 as the key in use. Returns the slots, the vault version and whether the old key is
   * refused.
   */
  static String rotate(
      StorageAccountKeysClient storage,
      KeyVaultSink vault,
      StorageKeyVerifier verifier,
      String group,
      String account) {
    StorageKeyTarget target =
        StorageKeyTarget.builder()
            .client(storage)
            .resourceGroup(group)
            .account(account)
            .verifier(verifier)
            .build();
    if (vault.current(target.id()).isEmpty()) {
      vault.publish(
          RotationContext.of("adopted", target.id()),
          target.read(StorageKeyTarget.KEY1).orElseThrow());
    }
    Published before = vault.current(target.id()).orElseThrow();
    // Use FileJournal.open(path) in a real job: it is what lets rotator.resume(target) finish after
    // a crash.
    Rotator rotator = Rotator.builder().sink(vault).journal(new MemoryJournal()).build();
    RotationResult result = rotator.rotate(target);
    Published after = vault.current(target.id()).orElseThrow();
    return account
        + ": "
        + result.status()
        + "; Key Vault now holds "
        + after.slot()
        + " (version "
        + after.version().orElse("?")
        + "), was "
        + before.slot()
        + "; old "
        + before.slot()
        + " "
        + (refused(verifier, target, before.credential())
            ? "refused by the account"
            : "STILL ACCEPTED");
  }

  private static boolean refused(
      StorageKeyVerifier verifier, StorageKeyTarget target, Credential old) {
    try {
      verifier.verify(RotationContext.of("check", target.id()), old);
      return false;
    } catch (VerificationFailedException e) {
      return true;
    }
  }
}
