/**
 * The rotation workflow: targets, sinks, verifiers, journal, policy and audit. The service modules
 * are optional ({@code requires static}): an application brings the ones whose targets it rotates,
 * so an ONTAP-only application resolves no Azure module.
 */
module dev.rekey.rotation {
  requires transitive dev.rekey.core;
  requires org.slf4j;
  requires tools.jackson.core;
  requires static transitive org.jspecify;
  requires static dev.rekey.azure;
  requires static dev.rekey.acr;
  requires static dev.rekey.netapp;
  requires static dev.rekey.azure.storage;
  requires static dev.rekey.ontap;
  requires static com.azure.core; // TokenCredential for the Key Vault sink

  exports dev.rekey.rotation;
  exports dev.rekey.rotation.azure;
  exports dev.rekey.rotation.ontap;
}
