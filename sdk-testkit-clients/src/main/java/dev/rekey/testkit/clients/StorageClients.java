package dev.rekey.testkit.clients;

import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.FakeTokenCredential;
import dev.rekey.testkit.clients.internal.EmulatorOptions;
import dev.rekey.testkit.junit.RekeyEmulators;

/**
 * Builds the {@code StorageAccountKeysClient} (pointed at the ARM storage emulator) and the {@code
 * ClassicStorageKeysClient} (pointed at the classic storage emulator, with token authentication) a
 * {@link RekeyEmulators} test asks for: subscription {@link RekeyEmulators#SUBSCRIPTION_ID}, a fake
 * bearer token, fast retry and polling. Offers nothing when sdk-azure-storage is not on the class
 * path.
 */
public final class StorageClients extends ServiceClients {
  private static final String ARM = "dev.rekey.azure.storage.StorageAccountKeysClient";

  /** Creates the provider; the {@link java.util.ServiceLoader} does this. */
  public StorageClients() {
    super(ARM, "dev.rekey.azure.storage.ClassicStorageKeysClient");
  }

  @Override
  AutoCloseable build(String typeName, Emulators emulators) {
    return typeName.equals(ARM) ? Build.arm(emulators) : Build.classic(emulators);
  }

  /**
   * Touches sdk-azure-storage's classes only when called, so that the provider loads without them.
   */
  private static final class Build {
    static AutoCloseable arm(Emulators emulators) {
      return StorageAccountKeysClient.builder()
          .subscriptionId(RekeyEmulators.SUBSCRIPTION_ID)
          .credential(FakeTokenCredential.INSTANCE)
          .options(EmulatorOptions.of(emulators.armStorage()))
          .build();
    }

    static AutoCloseable classic(Emulators emulators) {
      return ClassicStorageKeysClient.builder()
          .subscriptionId(RekeyEmulators.SUBSCRIPTION_ID)
          .credential(FakeTokenCredential.INSTANCE)
          .options(EmulatorOptions.of(emulators.classicStorage()))
          .build();
    }
  }
}
