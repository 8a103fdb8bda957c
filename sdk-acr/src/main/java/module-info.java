/** Rekey's client for Azure Container Registry: generate and regenerate token passwords. */
module dev.rekey.acr {
  requires transitive dev.rekey.azure;
  requires tools.jackson.core;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations; // compile time only

  exports dev.rekey.acr;
  exports dev.rekey.acr.model;
}
