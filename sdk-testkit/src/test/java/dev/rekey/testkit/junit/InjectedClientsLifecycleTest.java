package dev.rekey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.junit.RecordingClients.RecordingClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Clients built by an {@link EmulatedClients} provider: injected, closed after the test, before the reset. */
@RekeyEmulators
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InjectedClientsLifecycleTest {
  private static RecordingClient firstMethodClient;
  private static RecordingClient firstConstructorClient;

  private final RecordingClient constructorClient;

  InjectedClientsLifecycleTest(RecordingClient client) {
    this.constructorClient = client;
  }

  @Test
  @Order(1)
  void injectsAClientTheProviderPointedAtTheClassEmulator(RecordingClient client, AcrEmulator acr) {
    assertThat(client.acr).isSameAs(acr);
    assertThat(client).isNotSameAs(constructorClient);
    assertThat(client.closed).isFalse();
    assertThat(constructorClient.closed).isFalse();
    firstMethodClient = client;
    firstConstructorClient = constructorClient;
  }

  @Test
  @Order(2)
  void closedTheLastTestsClientsBeforeResettingTheEmulators() {
    assertThat(firstMethodClient.closed).isTrue();
    assertThat(firstMethodClient.stateStillThereAtClose).isTrue();
    assertThat(firstConstructorClient.closed).isTrue();
    assertThat(firstConstructorClient.stateStillThereAtClose).isTrue();
    assertThat(constructorClient).isNotSameAs(firstConstructorClient);
    assertThat(constructorClient.closed).isFalse();
  }
}
