package dev.rekey.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.junit.EmulatedClients;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The providers are found on the class path, and the clients they build end with their test. */
@RekeyEmulators
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InjectedClientsLifecycleTest {
  private static final String SUB = RekeyEmulators.SUBSCRIPTION_ID;
  private static AcrClient firstClient;

  @Test
  @Order(1)
  void theFourProvidersOfferTheFiveClientTypes() {
    Set<String> offered = ServiceLoader.load(EmulatedClients.class).stream()
        .flatMap(p -> p.get().clientTypes().stream())
        .map(Class::getSimpleName)
        .collect(Collectors.toSet());

    assertThat(offered).containsExactlyInAnyOrder(
        "AcrClient", "NetAppClient", "StorageAccountKeysClient", "ClassicStorageKeysClient", "OntapClient");
  }

  @Test
  @Order(2)
  void aTestGetsAFreshClient(AcrClient client, AcrEmulator acr) {
    acr.addToken(SUB, "rg", "registry", "ci-token");
    client.generateCredentials(r -> r.resourceGroup("rg").registry("registry").token("ci-token")
        .passwordName(TokenPasswordName.PASSWORD1));
    firstClient = client;
  }

  @Test
  @Order(3)
  void theLastTestsClientWasClosedAndItsEmulatorReset(AcrClient client, AcrEmulator acr) {
    assertThat(client).isNotSameAs(firstClient);
    assertThat(acr.token(SUB, "rg", "registry", "ci-token")).isEmpty();
    acr.addToken(SUB, "rg", "registry", "ci-token");

    // a closed client has released its dispatcher: an asynchronous call can no longer be sent
    assertThat(firstClient.generateCredentialsAsync(r -> r.resourceGroup("rg").registry("registry")
        .token("ci-token").passwordName(TokenPasswordName.PASSWORD1)))
        .failsWithin(java.time.Duration.ofSeconds(5));
    assertThat(acr.requests()).isEmpty();
  }

  @Test
  @Order(4)
  void aProviderWhoseServiceModuleIsMissingOffersNothing() {
    assertThat(ServiceClients.ifPresent(getClass(), "dev.rekey.absent.AbsentClient"))
        .isEmpty();
  }
}
