package dev.rekey.examples;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.testkit.ClassicStorageEmulator;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Rotates a storage account's keys the zero-downtime way: the secondary key first (apps keep using
 * the primary), then the primary. Prints which key changed, never a key value.
 *
 * <p>By default it runs against the embedded classic Service Management emulator. With {@code
 * AZURE_SUBSCRIPTION_ID}, {@code AZURE_STORAGE_RESOURCE_GROUP} and {@code AZURE_STORAGE_ACCOUNT}
 * set it rotates {@code key2} then {@code key1} of a real account through Azure Resource Manager,
 * signed in with DefaultAzureCredential.
 */
public final class StorageRotateKeys {
  private static final String EMULATED_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  private StorageRotateKeys() {}

  /** Runs the example. */
  public static void main(String[] args) {
    RealTargets real = RealTargets.fromEnvironment();
    if (real.configured("storage-arm")) {
      try (StorageAccountKeysClient storage = real.storageArm()) {
        System.out.println(
            rotateArm(
                storage,
                real.required("AZURE_STORAGE_RESOURCE_GROUP"),
                real.required("AZURE_STORAGE_ACCOUNT")));
      }
    } else {
      rotateOnEmulator();
    }
  }

  private static void rotateOnEmulator() {
    try (ClassicStorageEmulator emulator = new ClassicStorageEmulator()) {
      emulator.start();
      emulator.addAccount(EMULATED_SUBSCRIPTION, "examplestore");
      TokenCredential demoToken =
          context ->
              Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));
      ClientOptions options = ClientOptions.builder().endpoint(emulator.baseUrl()).build();
      try (ClassicStorageKeysClient storage =
          ClassicStorageKeysClient.builder()
              .subscriptionId(EMULATED_SUBSCRIPTION)
              .credential(demoToken)
              .options(options)
              .build()) {
        System.out.println(rotateClassic(storage, "examplestore"));
      }
    }
  }

  /** Rotates the classic service's Secondary key, then its Primary; returns what changed. */
  static String rotateClassic(ClassicStorageKeysClient storage, String service) {
    StorageServiceKeys before = storage.getKeys(r -> r.serviceName(service));
    StorageServiceKeys afterSecondary =
        storage.rotateStandbyKey(r -> r.serviceName(service).inUse(KeyType.PRIMARY));
    StorageServiceKeys afterPrimary =
        storage.rotateStandbyKey(r -> r.serviceName(service).inUse(KeyType.SECONDARY));
    return "classic "
        + service
        + ": rotate secondary: "
        + changes(byName(before), byName(afterSecondary))
        + "; rotate primary: "
        + changes(byName(afterSecondary), byName(afterPrimary));
  }

  /** Rotates the account's key2, then its key1, through ARM; returns what changed. */
  static String rotateArm(StorageAccountKeysClient storage, String group, String account) {
    Map<String, Secret> before =
        byName(storage.listKeys(r -> r.resourceGroup(group).accountName(account)));
    Map<String, Secret> afterKey2 =
        byName(
            storage.rotateStandbyKey(
                r -> r.resourceGroup(group).accountName(account).inUse(KeyName.KEY1)));
    Map<String, Secret> afterKey1 =
        byName(
            storage.rotateStandbyKey(
                r -> r.resourceGroup(group).accountName(account).inUse(KeyName.KEY2)));
    return account
        + ": rotate key2: "
        + changes(before, afterKey2)
        + "; rotate key1: "
        + changes(afterKey2, afterKey1);
  }

  private static Map<String, Secret> byName(StorageAccountKeys keys) {
    return keys.keys().stream()
        .collect(Collectors.toMap(StorageAccountKey::keyName, StorageAccountKey::value));
  }

  private static Map<String, Secret> byName(StorageServiceKeys keys) {
    return Map.of("Primary", keys.primary(), "Secondary", keys.secondary());
  }

  private static String changes(Map<String, Secret> before, Map<String, Secret> after) {
    return after.keySet().stream()
        .sorted()
        .map(
            name ->
                name
                    + (Objects.equals(before.get(name), after.get(name))
                        ? " unchanged"
                        : " CHANGED"))
        .collect(Collectors.joining(", "));
  }
}
