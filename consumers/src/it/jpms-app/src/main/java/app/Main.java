package app;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.OntapAccount;
import dev.rekey.testkit.OntapEmulator;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * One ONTAP call and one ACR call against the emulators, on the module path; exits 1 on a mismatch.
 */
public final class Main {
  private static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  private Main() {}

  public static void main(String[] args) {
    if (!Main.class.getModule().isNamed() || !OntapClient.class.getModule().isNamed()) {
      fail(
          "not on the module path: "
              + Main.class.getModule()
              + ", "
              + OntapClient.class.getModule());
    }
    ontap();
    acr();
    System.out.println("jpms-app: ONTAP and ACR calls succeeded on the module path");
  }

  private static void ontap() {
    try (OntapEmulator cluster = new OntapEmulator("Adm1n-Passw0rd-x")) {
      cluster.start();
      OntapAccount user = cluster.addClusterUser("app_user", "0ld-Passw0rd-x", false);
      Secret next = Secret.of("N3w-Passw0rd-x");
      try (OntapClient ontap =
          OntapClient.builder()
              .endpoint(cluster.baseUrl())
              .trustCertificatePem(cluster.certificatePem())
              .basic("admin", Secret.of("Adm1n-Passw0rd-x"))
              .build()) {
        ontap.changePassword(r -> r.name("app_user").password(next).confirmOutcome(true));
      }
      check(user.changes() == 1 && next.equals(user.password()), "ONTAP password not changed");
    }
  }

  private static void acr() {
    TokenCredential token =
        context -> Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));
    try (AcrEmulator registry = new AcrEmulator()) {
      registry.start();
      AcrToken ci = registry.addToken(SUBSCRIPTION, "rg", "registry", "ci-token");
      try (AcrClient acr =
          AcrClient.builder()
              .credential(token)
              .subscriptionId(SUBSCRIPTION)
              .options(ClientOptions.builder().endpoint(registry.baseUrl()).build())
              .build()) {
        GeneratedCredentials creds =
            acr.generateCredentials(
                r ->
                    r.resourceGroup("rg")
                        .registry("registry")
                        .token("ci-token")
                        .passwordName(TokenPasswordName.PASSWORD1));
        check(ci.generations() == 1, "ACR: no generation on the emulator");
        check(
            ci.password("password1")
                .equals(
                    creds.passwords().stream()
                        .filter(p -> p.name() == TokenPasswordName.PASSWORD1)
                        .map(p -> p.value())
                        .findFirst()),
            "ACR: returned password differs from the emulator's");
      }
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      fail(message);
    }
  }

  private static void fail(String message) {
    System.err.println("jpms-app: " + message);
    System.exit(1);
  }
}
