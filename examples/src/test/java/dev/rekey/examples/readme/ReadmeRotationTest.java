package dev.rekey.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.rotation.RotationPlan;
import dev.rekey.rotation.RotationResult;
import dev.rekey.testkit.OntapEmulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's rotation snippet plans, then rotates the password once, against the ONTAP emulator. */
class ReadmeRotationTest {
  @TempDir Path dir;

  @Test
  void theReadmeRotationPlansThenRotatesOnce() {
    try (OntapEmulator emulator = new OntapEmulator("Adm1n-readme")) {
      emulator.start();
      emulator.addClusterUser("svc_backup", "Start-1234", false);
      try (OntapClient ontap = OntapClient.builder().endpoint(emulator.baseUrl())
          .trustCertificatePem(emulator.certificatePem()).basic("admin", Secret.of("Adm1n-readme")).build()) {
        List<Object> out = RotationSetup.rotate(ontap, dir);

        assertThat(((RotationPlan) out.get(0)).steps()).hasSize(4).first().asString().startsWith("STAGE password");
        assertThat(((RotationResult) out.get(1)).status()).isEqualTo(RotationResult.Status.COMPLETED);
        assertThat(emulator.clusterUser("svc_backup").orElseThrow().changes()).isEqualTo(1);
      }
    }
  }
}
