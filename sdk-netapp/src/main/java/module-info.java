/** Rekey's client for Azure NetApp Files: generate bucket credentials. */
module dev.rekey.netapp {
  requires transitive dev.rekey.azure;
  requires tools.jackson.core;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations; // compile time only

  exports dev.rekey.netapp;
  exports dev.rekey.netapp.model;
}
