package dev.rekey.rotation.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.core.Secret;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.MemoryJournal;
import dev.rekey.rotation.Published;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.RotationException;
import dev.rekey.rotation.RotationResult;
import dev.rekey.rotation.Rotator;
import dev.rekey.rotation.VerificationFailedException;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.KeyVaultEmulator;
import dev.rekey.testkit.StorageKeys;
import dev.rekey.testkit.junit.RekeyEmulators;
import org.junit.jupiter.api.Test;

/**
 * The whole dual-slot workflow with the real verifier and the Key Vault sink, over the emulators.
 */
@RekeyEmulators
class StorageKeyIntoKeyVaultRotationTest {
  private final AzureTestSupport.RecordingCredential credential =
      new AzureTestSupport.RecordingCredential();

  private KeyVaultSink sink(KeyVaultEmulator vault) {
    return KeyVaultSink.builder()
        .credential(credential)
        .vaultUrl(vault.baseUrl())
        .secretName("mystore-key")
        .options(AzureTestSupport.options())
        .build();
  }

  private static StorageKeyVerifier verifier(ArmStorageEmulator arm, String account) {
    return StorageKeyVerifier.builder()
        .accountName(account)
        .endpoint(arm.blobEndpoint(account))
        .options(AzureTestSupport.options())
        .build();
  }

  private static StorageKeyTarget target(
      StorageAccountKeysClient storage, StorageKeyVerifier verifier) {
    return StorageKeyTarget.builder()
        .client(storage)
        .resourceGroup("rg")
        .account("mystore")
        .verifier(verifier)
        .build();
  }

  private static void adoptKey1(KeyVaultSink sink, StorageKeyTarget target, StorageKeys keys) {
    sink.publish(
        RotationContext.of("initial", target.id()),
        Credential.of(StorageKeyTarget.KEY1, keys.key("key1").orElseThrow()));
  }

  @Test
  void theStandbyKeyReachesTheVaultProvenAndOnlyThenTheOldKeyDies(
      ArmStorageEmulator arm, KeyVaultEmulator vault, StorageAccountKeysClient storage) {
    StorageKeys keys = arm.addAccount(AzureTestSupport.SUB, "rg", "mystore");
    Secret oldKey1 = keys.key("key1").orElseThrow();
    try (KeyVaultSink sink = sink(vault);
        StorageKeyVerifier verifier = verifier(arm, "mystore")) {
      StorageKeyTarget target = target(storage, verifier);
      adoptKey1(sink, target, keys);

      RotationResult result =
          Rotator.builder().sink(sink).journal(new MemoryJournal()).build().rotate(target);

      assertThat(result.status()).isEqualTo(RotationResult.Status.COMPLETED);
      Published current = sink.current(target.id()).orElseThrow();
      assertThat(current.slot()).isEqualTo(StorageKeyTarget.KEY2);
      assertThat(current.rotationId()).isEqualTo(result.rotationId());
      assertThat(current.credential().value()).isEqualTo(keys.key("key2").orElseThrow());
      assertThat(vault.latest("mystore-key").orElseThrow().tags())
          .containsEntry("rekey-slot", "key2");
      assertThat(keys.regenerations("key2")).isEqualTo(1);
      assertThat(keys.regenerations("key1")).as("the old slot is retired").isEqualTo(1);
      verifier.verify(RotationContext.of("check", target.id()), current.credential());
      assertThatThrownBy(
              () ->
                  verifier.verify(
                      RotationContext.of("check", target.id()),
                      Credential.of(StorageKeyTarget.KEY1, oldKey1)))
          .isInstanceOf(VerificationFailedException.class);
    }
  }

  @Test
  void aVaultThatRefusesTheWriteLeavesTheOldKeyCurrentAndResumeFinishesWithoutANewKey(
      ArmStorageEmulator arm, KeyVaultEmulator vault, StorageAccountKeysClient storage) {
    StorageKeys keys = arm.addAccount(AzureTestSupport.SUB, "rg", "mystore");
    try (KeyVaultSink sink = sink(vault);
        StorageKeyVerifier verifier = verifier(arm, "mystore")) {
      StorageKeyTarget target = target(storage, verifier);
      adoptKey1(sink, target, keys);
      MemoryJournal journal = new MemoryJournal();
      Rotator rotator = Rotator.builder().sink(sink).journal(journal).build();
      vault.faults().matching("PUT", "/secrets/.*").fail(1, 403);

      assertThatThrownBy(() -> rotator.rotate(target)).isInstanceOf(RotationException.class);
      assertThat(sink.current(target.id()).orElseThrow().slot()).isEqualTo(StorageKeyTarget.KEY1);
      verifier.verify(
          RotationContext.of("check", target.id()),
          sink.current(target.id()).orElseThrow().credential());
      assertThat(keys.regenerations("key1")).isZero();

      assertThat(rotator.resume(target).status()).isEqualTo(RotationResult.Status.COMPLETED);
      assertThat(sink.current(target.id()).orElseThrow().credential().value())
          .isEqualTo(keys.key("key2").orElseThrow());
      assertThat(keys.regenerations("key2")).as("the new key was not lost").isEqualTo(1);
      assertThat(keys.regenerations("key1")).isEqualTo(1);
    }
  }

  @Test
  void aKeyTheAccountRefusesIsNeverPublished(
      ArmStorageEmulator arm, KeyVaultEmulator vault, StorageAccountKeysClient storage) {
    StorageKeys keys = arm.addAccount(AzureTestSupport.SUB, "rg", "mystore");
    arm.addAccount(AzureTestSupport.SUB, "rg", "otherstore");
    // A verifier pointed at another account: the new key is refused there, as a wrong key would be.
    try (KeyVaultSink sink = sink(vault);
        StorageKeyVerifier verifier = verifier(arm, "otherstore")) {
      StorageKeyTarget target = target(storage, verifier);
      adoptKey1(sink, target, keys);

      assertThatThrownBy(
              () ->
                  Rotator.builder().sink(sink).journal(new MemoryJournal()).build().rotate(target))
          .isInstanceOf(RotationException.class)
          .hasMessageContaining("key2")
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .doesNotContain(keys.key("key2").orElseThrow().reveal()));
      assertThat(vault.versions("mystore-key")).hasSize(1);
      assertThat(sink.current(target.id()).orElseThrow().slot()).isEqualTo(StorageKeyTarget.KEY1);
      assertThat(keys.regenerations("key1")).isZero();
    }
  }
}
