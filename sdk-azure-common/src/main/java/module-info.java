/**
 * What every Azure service module shares: {@code AzureCloud}, the Azure client builder, the ARM
 * pipeline, ARM long-running operations and ARM error decoding. Its {@code internal} package is
 * open to Rekey's Azure modules only.
 */
@SuppressWarnings(
    "module") // the qualified exports name Rekey modules that are built after this one
module dev.rekey.azure {
  requires transitive dev.rekey.core;
  requires transitive com.azure.core; // TokenCredential in the builders
  requires static transitive org.jspecify;
  requires org.slf4j; // LostAnswerCheck logs how a lost answer was settled

  exports dev.rekey.azure;
  exports dev.rekey.azure.internal to
      dev.rekey.acr,
      dev.rekey.netapp,
      dev.rekey.azure.storage,
      dev.rekey.rotation;
}
