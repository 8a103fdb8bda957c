package dev.rekey.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.OntapEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-sink example rotates once, writes a file whose password logs in, and a second run does
 * nothing.
 */
class RotateOntapPasswordToFileTest {
  @TempDir Path dir;

  @Test
  void rotatesIntoAFileOnceAndASecondRunIsNotDue() throws Exception {
    try (OntapEmulator emulator = new OntapEmulator("Adm1n-example")) {
      emulator.start();
      emulator.addClusterUser("svc_backup", "Start-1234", false);
      try (OntapClient ontap =
          OntapClient.builder()
              .endpoint(emulator.baseUrl())
              .trustCertificatePem(emulator.certificatePem())
              .basic("admin", Secret.of("Adm1n-example"))
              .build()) {
        String first = RotateOntapPasswordToFile.rotate(ontap, "svc_backup", dir);
        String second = RotateOntapPasswordToFile.rotate(ontap, "svc_backup", dir);

        assertThat(first)
            .isEqualTo(
                "svc_backup: COMPLETED into ontap-password.json, the file's password logs in");
        assertThat(second).startsWith("svc_backup: NOT_DUE");
        assertThat(emulator.clusterUser("svc_backup").orElseThrow().changes()).isEqualTo(1);
        String file = Files.readString(dir.resolve("ontap-password.json"));
        assertThat(file)
            .contains(emulator.clusterUser("svc_backup").orElseThrow().password().reveal());
        assertThat(Files.readString(dir.resolve("rotation.journal")))
            .doesNotContain("Start-1234")
            .doesNotContain(emulator.clusterUser("svc_backup").orElseThrow().password().reveal());
      }
    }
  }
}
