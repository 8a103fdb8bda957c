/**
 * Emulators that speak each service's wire format over real HTTP, and the JUnit 5 extension that
 * starts them. Client providers ({@code EmulatedClients}) are found with the {@link
 * java.util.ServiceLoader}.
 */
module dev.rekey.testkit {
  requires transitive dev.rekey.core;
  requires transitive mockwebserver3; // Emulator.requests() returns RecordedRequest
  requires transitive org.junit.jupiter.api; // the extension's interfaces
  requires okhttp3.tls;
  requires okio;
  requires java.xml; // reads RegenerateKeys bodies
  requires tools.jackson.core;
  requires static com.azure.core; // FakeTokenCredential, for users who have azure-core anyway
  requires static transitive org.jspecify;

  exports dev.rekey.testkit;
  exports dev.rekey.testkit.junit;

  uses dev.rekey.testkit.junit.EmulatedClients;
}
