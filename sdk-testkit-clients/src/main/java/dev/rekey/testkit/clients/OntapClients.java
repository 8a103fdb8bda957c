package dev.rekey.testkit.clients;

import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.OntapEmulator;
import dev.rekey.testkit.clients.internal.EmulatorOptions;
import dev.rekey.testkit.junit.RekeyEmulators;

/**
 * Builds the {@code OntapClient} a {@link RekeyEmulators} test asks for: pointed at the ONTAP
 * emulator over HTTPS, trusting its certificate, logged in as {@code admin} with {@link
 * OntapEmulator#adminPassword()}, fast retry and job polling. Needs no Azure jar; offers nothing
 * when sdk-ontap is not on the class path.
 */
public final class OntapClients extends ServiceClients {
  /** Creates the provider; the {@link java.util.ServiceLoader} does this. */
  public OntapClients() {
    super("dev.rekey.ontap.OntapClient");
  }

  @Override
  AutoCloseable build(String typeName, Emulators emulators) {
    return Build.ontap(emulators.ontap());
  }

  /** Touches sdk-ontap's classes only when called, so that the provider loads without them. */
  private static final class Build {
    static AutoCloseable ontap(OntapEmulator ontap) {
      return OntapClient.builder()
          .endpoint(ontap.baseUrl())
          .trustCertificatePem(ontap.certificatePem())
          .basic("admin", ontap.adminPassword())
          .options(EmulatorOptions.of(ontap))
          .build();
    }
  }
}
