/**
 * Rekey's client for NetApp ONTAP: change account passwords, follow ONTAP jobs. No Azure module.
 */
module dev.rekey.ontap {
  requires transitive dev.rekey.core;
  requires org.slf4j;
  requires tools.jackson.core;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations; // compile time only

  exports dev.rekey.ontap;
  exports dev.rekey.ontap.model;
}
