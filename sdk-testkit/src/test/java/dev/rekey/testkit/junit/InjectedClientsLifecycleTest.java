package dev.rekey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.junit.RecordingClients.RecordingClient;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Clients built by an {@link EmulatedClients} provider: injected, closed after their test, before
 * the reset. The fixture runs in its own engine, so no test here depends on the order of another.
 */
class InjectedClientsLifecycleTest {

  @Test
  void closesEveryInjectedClientAfterItsTestWhileTheEmulatorStateIsStillThere() {
    RecordingClients.BUILT.clear();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(TwoTestsWithInjectedClients.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    // Two tests, each with a constructor client and a parameter client: four, none shared.
    assertThat(RecordingClients.BUILT)
        .hasSize(4)
        .doesNotHaveDuplicates()
        .allSatisfy(
            client -> {
              assertThat(client.closed).isTrue();
              assertThat(client.stateStillThereAtClose).isTrue();
            });
  }

  /** Run only through the engine above (surefire skips nested classes). */
  @RekeyEmulators
  static class TwoTestsWithInjectedClients {
    private final RecordingClient constructorClient;

    TwoTestsWithInjectedClients(RecordingClient client) {
      this.constructorClient = client;
    }

    @Test
    void first(RecordingClient client, AcrEmulator acr) {
      assertInjectedOpenAndPointedAt(client, acr);
    }

    @Test
    void second(RecordingClient client, AcrEmulator acr) {
      assertInjectedOpenAndPointedAt(client, acr);
    }

    private void assertInjectedOpenAndPointedAt(RecordingClient client, AcrEmulator acr) {
      assertThat(client.acr).isSameAs(acr);
      assertThat(client).isNotSameAs(constructorClient);
      assertThat(client.closed).isFalse();
      assertThat(constructorClient.closed).isFalse();
    }
  }
}
