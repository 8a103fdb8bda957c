package dev.rekey.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.net.URI;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The README's ten-line JUnit 5 testkit example, run as a test. */
// readme:testkit-junit:start
@RekeyEmulators
class ReadmeTestkitTest {
  static final TokenCredential ANY_TOKEN = ctx -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)));

  @Test
  void rotatesPassword1(AcrEmulator acr) {
    AcrToken token = acr.addToken("00000000-0000-0000-0000-000000000000", "rg", "registry", "ci-token");
    try (AcrClient client = AcrClient.builder().credential(ANY_TOKEN)
        .subscriptionId("00000000-0000-0000-0000-000000000000")
        .options(ClientOptions.builder().endpoint(URI.create(acr.baseUrl().toString())).build()).build()) {
      client.generateCredentials(r -> r.resourceGroup("rg").registry("registry").token("ci-token")
          .passwordName(TokenPasswordName.PASSWORD1));
    }
    assertThat(token.generations()).isEqualTo(1);
  }
}
// readme:testkit-junit:end
