package dev.rekey.ontap;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.Secret;
import dev.rekey.core.test.FakeTime;
import dev.rekey.testkit.OntapEmulator;
import java.net.URI;
import java.time.Duration;

/** A started ONTAP emulator over HTTPS and clients that trust its certificate, on a fake clock. */
final class OntapFixture implements AutoCloseable {
  static final String ADMIN_PASSWORD =
      dev.rekey.core.test.Canaries.ONTAP_PASSWORD; // basic-auth canary

  final FakeTime time = new FakeTime();
  final OntapEmulator ontap;

  OntapFixture() {
    this(new OntapEmulator(ADMIN_PASSWORD));
  }

  OntapFixture(OntapEmulator emulator) {
    this.ontap = emulator;
    ontap.start();
  }

  URI endpoint() {
    return ontap.baseUrl();
  }

  ClientOptions options(HttpLogLevel level) {
    return ClientOptions.builder()
        .timeSource(time)
        .logLevel(level)
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Returns a builder for a client of this emulator that trusts its certificate; no login set. */
  OntapClient.Builder trusting() {
    return OntapClient.builder()
        .endpoint(endpoint())
        .options(options(HttpLogLevel.NONE))
        .trustCertificatePem(ontap.certificatePem());
  }

  /** Returns a client logged in as the cluster administrator. */
  OntapClient admin() {
    return trusting().basic("admin", Secret.of(ADMIN_PASSWORD)).build();
  }

  @Override
  public void close() {
    ontap.close();
  }
}
