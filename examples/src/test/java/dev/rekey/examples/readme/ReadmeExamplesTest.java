package dev.rekey.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.OntapEmulator;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Runs the README snippets that need no real service: options and error handling. */
@RekeyEmulators
class ReadmeExamplesTest {
  @Test
  void theOptionsSnippetBuildsValidOptions(OntapEmulator ontap) {
    ClientOptions options = OptionsSetup.options(new OkHttpClient(), Secret.of("proxy-pass"), ontap.certificatePem());

    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(6);
    assertThat(options.pollingPolicy().timeout()).isEqualTo(Duration.ofMinutes(20));
    assertThat(options.logLevel()).isEqualTo(HttpLogLevel.HEADERS);
    assertThat(options.proxy()).isPresent();
  }

  @Test
  void theErrorHandlingSnippetSortsOutcomes(OntapEmulator ontap) {
    ontap.addClusterUser("app", "Old1password", false);
    try (OntapClient client = OntapClient.builder().endpoint(ontap.baseUrl())
        .trustCertificatePem(ontap.certificatePem()).basic("admin", ontap.adminPassword()).build()) {
      assertThat(ErrorHandling.rotate(client, "app", Secret.of("New1password"))).isEqualTo("changed");
      assertThat(ErrorHandling.rotate(client, "app", Secret.of("short"))).startsWith("policy: 7077919");
      assertThat(ErrorHandling.rotate(client, "app", Secret.of("x".repeat(129)))).startsWith("invalid password");

      ontap.faults().matching("POST", ".*/authentication/password.*").dropAfterProcessing(1);
      assertThat(ErrorHandling.rotate(client, "app", Secret.of("New3password"))).isEqualTo("changed (confirmed)");
    }
  }
}
