package dev.rekey.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.FakeTokenCredential;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's plain testkit API and fault-injection snippet, run as a test. */
class ReadmeTestkitPlainTest {
  @Test
  void faultsAndPlansWithThePlainApi() {
    // readme:testkit-plain:start
    try (Emulators emulators = new Emulators()) {          // any test framework: start on first use
      AcrEmulator acr = emulators.acr();
      AcrToken token = acr.addToken("00000000-0000-0000-0000-000000000000", "rg", "registry", "ci-token");
      acr.faults().throttle(1, Duration.ZERO);              // one 429 + Retry-After, then normal
      acr.faults().matching("POST", ".*/generateCredentials.*")
          .dropAfterProcessing(1);                          // next: applies the change, then drops the connection
      try (AcrClient client = AcrClient.builder().credential(FakeTokenCredential.INSTANCE)
          .subscriptionId("00000000-0000-0000-0000-000000000000")
          .options(ClientOptions.builder().endpoint(acr.baseUrl())
              .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(1)).build()).build())
          .build()) {
        assertThatThrownBy(() -> client.generateCredentials(r -> r.resourceGroup("rg").registry("registry")
            .token("ci-token").passwordName(TokenPasswordName.PASSWORD1)))
            .isInstanceOf(OutcomeUnknownException.class);
      }
      assertThat(token.generations()).isEqualTo(1);         // applied exactly once, never re-sent
      assertThat(acr.count("POST", ".*/generateCredentials.*")).isEqualTo(2); // the 429, then the dropped one
      emulators.reset();                                    // state and faults back to empty
    }
    // readme:testkit-plain:end
  }
}
