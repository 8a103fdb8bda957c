package dev.rekey.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.junit.RekeyEmulators;
import org.junit.jupiter.api.Test;

/** The README's ten-line JUnit 5 testkit example, run as a test. */
// readme:testkit-junit:start
@RekeyEmulators
class ReadmeTestkitTest {
  @Test
  void rotatesPassword1(AcrEmulator acr, AcrClient client) { // client: pointed at acr, closed after the test
    AcrToken token = acr.addToken(RekeyEmulators.SUBSCRIPTION_ID, "rg", "registry", "ci-token");
    client.generateCredentials(r -> r.resourceGroup("rg").registry("registry").token("ci-token")
        .passwordName(TokenPasswordName.PASSWORD1));
    assertThat(token.generations()).isEqualTo(1);
    assertThat(token.password("password1")).isPresent();
  }
}
// readme:testkit-junit:end
