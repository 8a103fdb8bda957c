package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.Secret;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sync {@code verifyPassword} sends on the caller's thread: called from a dependent stage of an
 * async change (which runs on the HTTP thread that still counts as the host's call in flight), it
 * used to queue behind that very call and wait forever.
 */
class ACallbackThatChecksALoginNeverWaitsForADispatcherThreadTest {
  private static final long GENEROUS_SECONDS = 10; // liveness bound only, never a speed assertion

  @Test
  void verifyingInsideTheCallbackOfAChangeAnswers() throws Exception {
    try (OntapFixture fx = new OntapFixture();
        OntapClient client =
            fx.trusting()
                .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
                .maxRequestsPerHost(1)
                .build()) {
      fx.ontap.addClusterUser("user1", "Old1password", false);
      boolean logsIn =
          client
              .changePasswordAsync(r -> r.name("user1").password(Secret.of("New1password")))
              .thenApply(
                  changed ->
                      client.verifyPassword(
                          v -> v.name("user1").password(Secret.of("New1password"))))
              .get(GENEROUS_SECONDS, TimeUnit.SECONDS);
      assertThat(logsIn).isTrue();
    }
  }
}
