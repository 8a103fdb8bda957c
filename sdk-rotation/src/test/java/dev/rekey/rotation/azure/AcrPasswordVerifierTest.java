package dev.rekey.rotation.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.ValidationException;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.Slot;
import dev.rekey.rotation.VerificationFailedException;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.junit.RekeyEmulators;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

@RekeyEmulators
class AcrPasswordVerifierTest {
  private static final RotationContext CONTEXT =
      RotationContext.of("rot-1", "acr:myregistry/ci-token");

  private static void generate(AcrEmulator acr, String passwordName) {
    HttpUrl url =
        HttpUrl.get(acr.baseUrl())
            .resolve(
                "/subscriptions/"
                    + AzureTestSupport.SUB
                    + "/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myregistry/generateCredentials?api-version=2023-01-01-preview");
    String tokenId = url.encodedPath().replace("/generateCredentials", "/tokens/ci-token");
    assertThat(
            AzureTestSupport.post(
                url,
                "application/json",
                "{\"tokenId\":\"" + tokenId + "\",\"name\":\"" + passwordName + "\"}"))
        .isEqualTo(200);
  }

  private static AcrPasswordVerifier verifier(AcrEmulator acr) {
    return AcrPasswordVerifier.builder()
        .registry("myregistry")
        .tokenName("ci-token")
        .scope("repository:app:pull")
        .endpoint(acr.baseUrl())
        .options(AzureTestSupport.options())
        .build();
  }

  @Test
  void eitherCurrentPasswordPassesAndARegeneratedAwayOneFailsNamingItsSlot(AcrEmulator acr) {
    AcrToken token = acr.addToken(AzureTestSupport.SUB, "rg", "myregistry", "ci-token");
    generate(acr, "password1");
    generate(acr, "password2");
    Secret old1 = token.password("password1").orElseThrow();
    try (AcrPasswordVerifier verifier = verifier(acr)) {
      verifier.verify(CONTEXT, Credential.of(Slot.of("password1"), old1));
      verifier.verify(
          CONTEXT, Credential.of(Slot.of("password2"), token.password("password2").orElseThrow()));

      generate(acr, "password1");
      assertThatThrownBy(() -> verifier.verify(CONTEXT, Credential.of(Slot.of("password1"), old1)))
          .isInstanceOfSatisfying(
              VerificationFailedException.class,
              e -> {
                assertThat(e.slot()).isEqualTo(Slot.of("password1"));
                assertThat(e.getMessage())
                    .contains("password1")
                    .contains("401")
                    .doesNotContain(old1.reveal());
              });
      verifier.verify(
          CONTEXT, Credential.of(Slot.of("password1"), token.password("password1").orElseThrow()));
    }
    assertThat(
            acr.requests().stream().filter(r -> r.getUrl().encodedPath().equals("/oauth2/token")))
        .hasSize(4)
        .allSatisfy(
            r -> {
              assertThat(r.getUrl().queryParameter("service")).isEqualTo("myregistry.azurecr.io");
              assertThat(r.getUrl().queryParameter("scope")).isEqualTo("repository:app:pull");
            });
  }

  @Test
  void aRegistryThatCannotBeAskedIsAServiceExceptionNotAVerdict(AcrEmulator acr) {
    AcrToken token = acr.addToken(AzureTestSupport.SUB, "rg", "myregistry", "ci-token");
    generate(acr, "password1");
    acr.faults().matching("GET", "/oauth2/token").fail(5, 500);
    try (AcrPasswordVerifier verifier = verifier(acr)) {
      assertThatThrownBy(
              () ->
                  verifier.verify(
                      CONTEXT,
                      Credential.of(
                          Slot.of("password1"), token.password("password1").orElseThrow())))
          .isInstanceOf(ServiceException.class)
          .isNotInstanceOf(VerificationFailedException.class);
    }
  }

  @Test
  void theDefaultEndpointIsTheLoginServerInItsCloud() {
    try (AcrPasswordVerifier v =
        AcrPasswordVerifier.builder()
            .registry("MyRegistry")
            .tokenName("ci-token")
            .cloud(dev.rekey.azure.AzureCloud.US_GOVERNMENT)
            .build()) {
      assertThat(v.toString()).isEqualTo("AcrPasswordVerifier[ci-token@myregistry.azurecr.us]");
    }
    assertThatThrownBy(
            () -> AcrPasswordVerifier.builder().registry("my-reg!").tokenName("ci-token").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("registry");
  }

  @Test
  void aTokenNameOutsideAcrsRuleIsRefusedBeforeAnyCall() {
    // a colon would split the basic credentials and make a good password look rejected
    assertThatThrownBy(
            () -> AcrPasswordVerifier.builder().registry("myregistry").tokenName("ci:tok").build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("tokenName"))
        .hasMessageContaining("must be 5-50 letters, digits and hyphens");
  }
}
