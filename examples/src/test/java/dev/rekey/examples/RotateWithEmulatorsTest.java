package dev.rekey.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.FakeTokenCredential;
import dev.rekey.testkit.OntapEmulator;
import dev.rekey.testkit.junit.RekeyEmulators;
import org.junit.jupiter.api.Test;

/**
 * How a user tests their rotation code: real clients against the emulators {@link RekeyEmulators}
 * injects.
 */
@RekeyEmulators
class RotateWithEmulatorsTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000000";

  @Test
  void acrClientReplacesPassword1InTheEmulator(AcrEmulator acr) {
    var token = acr.addToken(SUB, "rg", "registry", "ci-token");
    try (AcrClient client =
        AcrClient.builder()
            .subscriptionId(SUB)
            .credential(FakeTokenCredential.INSTANCE)
            .options(ClientOptions.builder().endpoint(acr.baseUrl()).build())
            .build()) {
      GeneratedCredentials creds =
          client.generateCredentials(
              r ->
                  r.resourceGroup("rg")
                      .registry("registry")
                      .token("ci-token")
                      .passwordName(TokenPasswordName.PASSWORD1));

      Secret returned = creds.passwords().get(0).value();
      assertThat(token.generations()).isEqualTo(1);
      assertThat(token.password("password1")).contains(returned);
    }
  }

  @Test
  void ontapClientChangesAPasswordOverHttpsAndTheOldOneStopsWorking(OntapEmulator ontap) {
    ontap.addClusterUser("app", "Old1password", false);
    try (OntapClient client =
        OntapClient.builder()
            .endpoint(ontap.baseUrl())
            .trustCertificatePem(ontap.certificatePem())
            .basic("admin", ontap.adminPassword())
            .build()) {
      client.changePassword(r -> r.name("app").password(Secret.of("New1password")));

      assertThat(ontap.clusterUser("app").orElseThrow().changes()).isEqualTo(1);
      assertThat(client.verifyPassword(r -> r.name("app").password(Secret.of("Old1password"))))
          .isFalse();
    }
  }
}
