/**
 * Rekey's core: {@code Secret}, the exception hierarchy, client options, authentication, retry and
 * polling. Its {@code internal} packages are open to Rekey's own modules only.
 */
@SuppressWarnings(
    "module") // the qualified exports name Rekey modules that are built after this one
module dev.rekey.core {
  requires transitive okhttp3; // ClientOptions.okHttpClient()
  requires okio;
  requires org.slf4j;
  requires tools.jackson.core;
  requires static transitive org.jspecify; // @NullMarked, @Nullable on the public API
  requires static org.immutables.value.annotations; // compile time only (source-retention style)

  exports dev.rekey.core;
  exports dev.rekey.core.auth;
  exports dev.rekey.core.poll;
  exports dev.rekey.core.retry;
  exports dev.rekey.core.internal to
      dev.rekey.azure,
      dev.rekey.acr,
      dev.rekey.netapp,
      dev.rekey.azure.storage,
      dev.rekey.ontap;
  exports dev.rekey.core.internal.codec to
      dev.rekey.azure,
      dev.rekey.acr,
      dev.rekey.netapp,
      dev.rekey.azure.storage,
      dev.rekey.ontap,
      dev.rekey.rotation,
      dev.rekey.testkit; // the emulators read and write JSON with Rekey's JsonNode
  exports dev.rekey.core.internal.http to
      dev.rekey.azure,
      dev.rekey.acr,
      dev.rekey.netapp,
      dev.rekey.azure.storage,
      dev.rekey.ontap,
      dev.rekey.rotation;
  exports dev.rekey.core.internal.poll to
      dev.rekey.azure,
      dev.rekey.acr,
      dev.rekey.netapp,
      dev.rekey.azure.storage,
      dev.rekey.ontap;
  exports dev.rekey.core.internal.validate to
      dev.rekey.azure,
      dev.rekey.acr,
      dev.rekey.netapp,
      dev.rekey.azure.storage,
      dev.rekey.ontap,
      dev.rekey.rotation;
}
