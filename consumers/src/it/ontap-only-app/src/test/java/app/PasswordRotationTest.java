package app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rekey.core.Secret;
import dev.rekey.testkit.OntapAccount;
import dev.rekey.testkit.OntapEmulator;
import org.junit.jupiter.api.Test;

class PasswordRotationTest {
  @Test
  void firstCallChangesThePasswordOnTheEmulator() {
    try (OntapEmulator cluster = new OntapEmulator("Adm1n-Passw0rd-x")) {
      cluster.start();
      OntapAccount user = cluster.addClusterUser("app_user", "0ld-Passw0rd-x", false);
      Secret next = Secret.of("N3w-Passw0rd-x");

      String name =
          PasswordRotation.rotate(
              cluster.baseUrl(),
              cluster.certificatePem(),
              Secret.of("Adm1n-Passw0rd-x"),
              "app_user",
              next);

      assertEquals("app_user", name);
      assertEquals(1, user.changes());
      assertEquals(next, user.password());
    }
  }

  @Test
  void noJacksonTwoDatabindNorAzureOnTheClassPath() {
    for (String absent :
        new String[] {
          "com.fasterxml.jackson.databind.ObjectMapper",
          "com.azure.core.credential.TokenCredential",
          "reactor.core.publisher.Mono"
        }) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
    }
  }
}
