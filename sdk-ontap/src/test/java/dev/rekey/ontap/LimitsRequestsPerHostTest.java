package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.Secret;
import dev.rekey.core.test.Eventually;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * ONTAP refuses connections when its REST queue is full, so a client keeps at most 8 calls in
 * flight.
 */
class LimitsRequestsPerHostTest {

  @Test
  void keepsAtMostEightChangesInFlightByDefault() throws Exception {
    try (OntapFixture fx = new OntapFixture();
        OntapClient client = fx.admin()) {
      fx.ontap.faults().delay(12, Duration.ofMillis(1500));
      List<CompletableFuture<PasswordChangeResult>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        fx.ontap.addClusterUser("user" + i, "Old1password", false);
        calls.add(
            client.changePasswordAsync(
                PasswordChangeRequest.builder()
                    .name("user" + i)
                    .password(Secret.of("New1password"))
                    .build()));
      }
      Eventually.await("eight changes reach ONTAP", () -> fx.ontap.requests().size() >= 8);
      int seenWhileAllWait = fx.ontap.requests().size();
      // Each answer is held 1.5 s: while none has come back, no ninth change may have been sent.
      assertThat(calls).as("no change answered yet").noneMatch(CompletableFuture::isDone);
      assertThat(seenWhileAllWait).isEqualTo(8);

      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
      assertThat(fx.ontap.requests()).hasSize(12);
    }
  }

  @Test
  void keepsAnExplicitThirtyTwoInTheOptionsAlthoughItEqualsCoresDefault() throws Exception {
    try (OntapFixture fx = new OntapFixture();
        OntapClient client =
            fx.trusting()
                .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
                .options(
                    ClientOptions.builder()
                        .from(fx.options(HttpLogLevel.NONE))
                        .maxRequestsPerHost(32)
                        .build())
                .build()) {
      fx.ontap.faults().delay(12, Duration.ofSeconds(3));
      List<CompletableFuture<PasswordChangeResult>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String user = "user" + i;
        fx.ontap.addClusterUser(user, "Old1password", false);
        calls.add(
            client.changePasswordAsync(r -> r.name(user).password(Secret.of("New1password"))));
      }
      // With the old rule an explicit 32 (equal to core's default) became ONTAP's 8: the ninth
      // change
      // would wait for an answer, and twelve on the wire would mean some had been answered.
      Eventually.await("all twelve changes reach ONTAP", () -> fx.ontap.requests().size() >= 12);
      assertThat(calls).as("no change answered yet").noneMatch(CompletableFuture::isDone);

      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
      assertThat(fx.ontap.requests()).hasSize(12);
    }
  }
}
