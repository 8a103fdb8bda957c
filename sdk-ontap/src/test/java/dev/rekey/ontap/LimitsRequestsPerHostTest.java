package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.Secret;
import dev.rekey.core.test.Eventually;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** ONTAP refuses connections when its REST queue is full, so a client keeps at most 8 calls in flight. */
class LimitsRequestsPerHostTest {

  @Test
  void keepsAtMostEightChangesInFlightByDefault() throws Exception {
    try (OntapFixture fx = new OntapFixture();
        OntapClient client = fx.admin()) {
      fx.ontap.faults().delay(12, Duration.ofMillis(1500));
      List<CompletableFuture<PasswordChangeResult>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        fx.ontap.addClusterUser("user" + i, "Old1password", false);
        calls.add(client.changePasswordAsync(
            PasswordChangeRequest.builder().name("user" + i).password(Secret.of("New1password")).build()));
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
}
