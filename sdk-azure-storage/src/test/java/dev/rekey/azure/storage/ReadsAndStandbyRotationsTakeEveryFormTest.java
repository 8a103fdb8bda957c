package dev.rekey.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.ValidationException;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.StorageKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads and standby rotations of both storage clients in their async, begin and request forms. */
class ReadsAndStandbyRotationsTakeEveryFormTest {
  private final ArmStorageEmulator arm = new ArmStorageEmulator();
  private final ClassicStorageEmulator classic = new ClassicStorageEmulator();

  @AfterEach
  void stop() {
    arm.close();
    classic.close();
  }

  @Test
  void armListsAndRotatesTheStandbyKeyAsyncAndThroughItsOperation() {
    arm.start();
    StorageKeys keys = arm.addAccount(TestSupport.SUB, "my-rg", "mystore");
    try (StorageAccountKeysClient client =
        StorageAccountKeysClient.builder()
            .credential(new TestSupport.FakeCredential("t"))
            .subscriptionId(TestSupport.SUB)
            .options(TestSupport.options(arm.baseUrl().toString()))
            .build()) {
      StorageAccountKeys listed =
          client.listKeysAsync(r -> r.resourceGroup("my-rg").accountName("mystore")).join();
      assertThat(listed.key(KeyName.KEY1).orElseThrow().value())
          .isEqualTo(keys.key("key1").orElseThrow());
      assertThat(listed.key(KeyName.KERB1)).isEmpty();

      StorageAccountKeys afterKey2 =
          client
              .rotateStandbyKeyAsync(
                  r -> r.resourceGroup("my-rg").accountName("mystore").inUse(KeyName.KEY1))
              .join();
      assertThat(keys.regenerations("key2")).isEqualTo(1);
      assertThat(keys.regenerations("key1")).isZero();
      assertThat(afterKey2.key(KeyName.KEY2).orElseThrow().value())
          .isEqualTo(keys.key("key2").orElseThrow());

      client
          .beginRotateStandbyKey(
              r -> r.resourceGroup("my-rg").accountName("mystore").inUse(KeyName.KEY2))
          .waitForCompletion();
      assertThat(keys.regenerations("key1")).isEqualTo(1);

      assertThatThrownBy(
              () -> client.listKeysAsync(r -> r.resourceGroup("my-rg").accountName("UPPER")))
          .as("thrown at once, not through the future")
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("accountName");
      assertThat(arm.count("POST", ".*/listKeys")).isEqualTo(1);
    }
  }

  @Test
  void classicReadsAndRotatesTheStandbyKeyAsyncAndThroughItsOperation() {
    classic.start();
    StorageKeys keys = classic.addAccount(TestSupport.SUB, "mystore");
    try (ClassicStorageKeysClient client =
        ClassicStorageKeysClient.builder()
            .subscriptionId(TestSupport.SUB)
            .credential(new TestSupport.FakeCredential("t"))
            .options(TestSupport.options(classic.baseUrl().toString()))
            .build()) {
      StorageServiceKeys read = client.getKeysAsync(r -> r.serviceName("mystore")).join();
      assertThat(read.primary()).isEqualTo(keys.key("Primary").orElseThrow());

      StorageServiceKeys afterSecondary =
          client.rotateStandbyKeyAsync(r -> r.serviceName("mystore").inUse(KeyType.PRIMARY)).join();
      assertThat(keys.regenerations("Secondary")).isEqualTo(1);
      assertThat(keys.regenerations("Primary")).isZero();
      assertThat(afterSecondary.secondary()).isEqualTo(keys.key("Secondary").orElseThrow());

      client
          .beginRegenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY))
          .waitForCompletion();
      assertThat(keys.regenerations("Primary")).isEqualTo(1);

      int sent = classic.requests().size();
      assertThatThrownBy(
              () -> client.rotateStandbyKeyAsync(r -> r.serviceName("ab").inUse(KeyType.PRIMARY)))
          .as("thrown at once, not through the future")
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("serviceName");
      assertThat(classic.requests()).hasSize(sent);
    }
  }
}
