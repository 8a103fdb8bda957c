/**
 * Rekey's client for Azure Storage: regenerate account keys through ARM and the classic (ASM) API.
 */
@SuppressWarnings(
    "module") // the qualified export names a Rekey module that is built after this one
module dev.rekey.azure.storage {
  requires transitive dev.rekey.azure;
  requires tools.jackson.core;
  requires java.xml; // XmlCodec hardens its StAX input factory
  requires tools.jackson.dataformat.xml; // the classic API answers in XML
  requires com.ctc.wstx; // XmlCodec makes Woodstox's factories itself
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations; // compile time only

  exports dev.rekey.azure.storage;
  exports dev.rekey.azure.storage.model;
  exports dev.rekey.azure.storage.internal to
      dev.rekey.rotation; // its targets check storage names with the client's rule at build()
}
