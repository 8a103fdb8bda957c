package dev.rekey.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.junit.EmulatedClients;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The providers are found on the class path, and the clients they build end with their test. The
 * two-test fixture runs in its own engine, so no test here depends on the order of another.
 */
class InjectedClientsLifecycleTest {
  private static final String SUB = RekeyEmulators.SUBSCRIPTION_ID;

  @Test
  void theFourProvidersOfferTheFiveClientTypes() {
    Set<String> offered =
        ServiceLoader.load(EmulatedClients.class).stream()
            .flatMap(p -> p.get().clientTypes().stream())
            .map(Class::getSimpleName)
            .collect(Collectors.toSet());

    assertThat(offered)
        .containsExactlyInAnyOrder(
            "AcrClient",
            "NetAppClient",
            "StorageAccountKeysClient",
            "ClassicStorageKeysClient",
            "OntapClient");
  }

  @Test
  void eachTestGetsAFreshClientThatIsClosedAfterIt() {
    TwoTestsRotatingOneToken.CLIENTS.clear();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(TwoTestsRotatingOneToken.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));

    List<AcrClient> clients = TwoTestsRotatingOneToken.CLIENTS;
    assertThat(clients).hasSize(2).doesNotHaveDuplicates();
    // a closed client has released its dispatcher: an asynchronous call can no longer be sent
    for (AcrClient closed : clients) {
      assertThat(
              closed.generateCredentialsAsync(
                  r ->
                      r.resourceGroup("rg")
                          .registry("registry")
                          .token("ci-token")
                          .passwordName(TokenPasswordName.PASSWORD1)))
          .failsWithin(Duration.ofSeconds(5));
    }
  }

  @Test
  void aProviderWhoseServiceModuleIsMissingOffersNothing() {
    assertThat(ServiceClients.ifPresent(getClass(), "dev.rekey.absent.AbsentClient")).isEmpty();
  }

  /**
   * Run only through the engine above (surefire skips nested classes); each test finds a reset
   * emulator.
   */
  @RekeyEmulators
  static class TwoTestsRotatingOneToken {
    static final List<AcrClient> CLIENTS = new CopyOnWriteArrayList<>();

    @Test
    void first(AcrClient client, AcrEmulator acr) {
      rotateOnAFreshEmulator(client, acr);
    }

    @Test
    void second(AcrClient client, AcrEmulator acr) {
      rotateOnAFreshEmulator(client, acr);
    }

    private static void rotateOnAFreshEmulator(AcrClient client, AcrEmulator acr) {
      assertThat(acr.token(SUB, "rg", "registry", "ci-token")).isEmpty();
      assertThat(acr.requests()).isEmpty();
      acr.addToken(SUB, "rg", "registry", "ci-token");
      client.generateCredentials(
          r ->
              r.resourceGroup("rg")
                  .registry("registry")
                  .token("ci-token")
                  .passwordName(TokenPasswordName.PASSWORD1));
      assertThat(acr.requests()).hasSize(1);
      CLIENTS.add(client);
    }
  }
}
