package dev.rekey.rotation;

import dev.rekey.acr.AcrClient;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.FakeTokenCredential;
import dev.rekey.testkit.clients.internal.EmulatorOptions;

/**
 * One set of emulators and clients pointed at them, shared by a test class (cases use fresh names).
 */
final class World implements AutoCloseable {
  static final String SUB = "00000000-0000-0000-0000-000000000000";

  final Emulators emulators = new Emulators();
  final StorageAccountKeysClient storage;
  final ClassicStorageKeysClient classic;
  final AcrClient acr;
  final NetAppClient netApp;
  final OntapClient ontap;

  World() {
    storage =
        StorageAccountKeysClient.builder()
            .subscriptionId(SUB)
            .credential(FakeTokenCredential.INSTANCE)
            .options(EmulatorOptions.of(emulators.armStorage()))
            .build();
    classic =
        ClassicStorageKeysClient.builder()
            .subscriptionId(SUB)
            .credential(FakeTokenCredential.INSTANCE)
            .options(EmulatorOptions.of(emulators.classicStorage()))
            .build();
    acr =
        AcrClient.builder()
            .subscriptionId(SUB)
            .credential(FakeTokenCredential.INSTANCE)
            .options(EmulatorOptions.of(emulators.acr()))
            .build();
    netApp =
        NetAppClient.builder()
            .credential(FakeTokenCredential.INSTANCE)
            .options(EmulatorOptions.of(emulators.netApp()))
            .build();
    ontap =
        OntapClient.builder()
            .endpoint(emulators.ontap().baseUrl())
            .trustCertificatePem(emulators.ontap().certificatePem())
            .basic("admin", emulators.ontap().adminPassword())
            .options(EmulatorOptions.of(emulators.ontap()))
            .build();
  }

  @Override
  public void close() {
    storage.close();
    classic.close();
    acr.close();
    netApp.close();
    ontap.close();
    emulators.close();
  }
}
