package dev.rekey.examples;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.testkit.ClassicStorageEmulator;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Rotates a storage account's keys the zero-downtime way: the secondary key first (apps keep using the
 * primary), then the primary. Prints which key changed, never a key value.
 *
 * <p>By default it runs against the embedded classic Service Management emulator. With {@code
 * AZURE_SUBSCRIPTION_ID}, {@code AZURE_STORAGE_RESOURCE_GROUP} and {@code AZURE_STORAGE_ACCOUNT} set
 * it rotates {@code key2} then {@code key1} of a real account through Azure Resource Manager, signed in
 * with DefaultAzureCredential.
 */
public final class StorageRotateKeys {
  private static final String EMULATED_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  private StorageRotateKeys() {}

  public static void main(String[] args) {
    String subscription = System.getenv("AZURE_SUBSCRIPTION_ID");
    String group = System.getenv("AZURE_STORAGE_RESOURCE_GROUP");
    String account = System.getenv("AZURE_STORAGE_ACCOUNT");
    if (subscription != null && group != null && account != null) {
      rotateReal(subscription, group, account);
    } else {
      rotateOnEmulator();
    }
  }

  private static void rotateOnEmulator() {
    try (ClassicStorageEmulator emulator = new ClassicStorageEmulator()) {
      emulator.start();
      emulator.addAccount(EMULATED_SUBSCRIPTION, "examplestore");
      TokenCredential demoToken =
          context -> Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));
      ClientOptions options = ClientOptions.builder().endpoint(URI.create(emulator.baseUrl().toString())).build();
      try (ClassicStorageKeysClient storage =
          ClassicStorageKeysClient.builder()
              .subscriptionId(EMULATED_SUBSCRIPTION)
              .credential(demoToken)
              .options(options)
              .build()) {
        StorageServiceKeys before = storage.getKeys("examplestore");
        StorageServiceKeys afterSecondary = storage.rotateStandbyKey("examplestore", KeyType.PRIMARY);
        report("classic examplestore, rotate secondary", before, afterSecondary);
        StorageServiceKeys afterPrimary = storage.rotateStandbyKey("examplestore", KeyType.SECONDARY);
        report("classic examplestore, rotate primary", afterSecondary, afterPrimary);
      }
    }
  }

  private static void rotateReal(String subscription, String group, String account) {
    try (StorageAccountKeysClient storage =
        StorageAccountKeysClient.builder()
            .credential(new DefaultAzureCredentialBuilder().build())
            .subscriptionId(subscription)
            .build()) {
      Map<String, Secret> before = byName(storage.listKeys(group, account));
      Map<String, Secret> afterKey2 = byName(storage.rotateStandbyKey(group, account, KeyName.KEY1));
      report(account + ", rotate key2", before, afterKey2);
      Map<String, Secret> afterKey1 = byName(storage.rotateStandbyKey(group, account, KeyName.KEY2));
      report(account + ", rotate key1", afterKey2, afterKey1);
    }
  }

  private static Map<String, Secret> byName(List<StorageAccountKey> keys) {
    return keys.stream().collect(Collectors.toMap(StorageAccountKey::keyName, StorageAccountKey::value));
  }

  private static void report(String step, StorageServiceKeys before, StorageServiceKeys after) {
    report(
        step,
        Map.of("Primary", before.primary(), "Secondary", before.secondary()),
        Map.of("Primary", after.primary(), "Secondary", after.secondary()));
  }

  private static void report(String step, Map<String, Secret> before, Map<String, Secret> after) {
    String changes =
        after.keySet().stream()
            .sorted()
            .map(name -> name + (Objects.equals(before.get(name), after.get(name)) ? " unchanged" : " CHANGED"))
            .collect(Collectors.joining(", "));
    System.out.println(step + ": " + changes);
  }
}
