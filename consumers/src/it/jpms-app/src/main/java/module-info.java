/** A module-path application of Rekey: only Rekey's modules are named, the rest they bring. */
module app {
  requires dev.rekey.ontap;
  requires dev.rekey.acr;
  requires dev.rekey.testkit;
}
