/**
 * Rekey clients wired to the testkit's emulators, offered to the JUnit extension as {@code
 * EmulatedClients} providers. Each service module is optional: a provider offers its clients only
 * when that module is present.
 */
module dev.rekey.testkit.clients {
  requires transitive dev.rekey.testkit;
  requires static dev.rekey.acr;
  requires static dev.rekey.netapp;
  requires static dev.rekey.azure.storage;
  requires static dev.rekey.ontap;
  requires static dev.rekey.azure;
  requires static com.azure.core;
  requires static transitive org.jspecify;

  exports dev.rekey.testkit.clients;

  provides dev.rekey.testkit.junit.EmulatedClients with
      dev.rekey.testkit.clients.AcrClients,
      dev.rekey.testkit.clients.NetAppClients,
      dev.rekey.testkit.clients.StorageClients,
      dev.rekey.testkit.clients.OntapClients;
}
