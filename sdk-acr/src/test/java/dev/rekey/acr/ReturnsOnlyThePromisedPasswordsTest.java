package dev.rekey.acr;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.test.FakeTime;
import java.net.URI;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * ACR generateCredentials returns only with the passwords it promised, on every shape ARM may
 * answer with. The shapes are written from the Microsoft.ContainerRegistry spec
 * (2023-01-01-preview: responses 200 GenerateCredentialsResult and 202 with Location; {@code
 * x-ms-long-running-operation-options: final-state-via: location}) and ARM's async rules (the
 * Location URL answers 202 while running and 200 with the result when done; an Azure-AsyncOperation
 * status resource's {@code properties} is optional).
 */
@WireMockTest
class ReturnsOnlyThePromisedPasswordsTest {
  private static final String PATH = AcrClientWireTest.PATH;
  private static final String BOTH =
      "{\"username\":\"myToken\",\"passwords\":[{\"name\":\"password1\",\"value\":\"p1\"},{\"name\":\"password2\",\"value\":\"p2\"}]}";
  private static final String ONLY_PASSWORD1 =
      "{\"username\":\"myToken\",\"passwords\":[{\"name\":\"password1\",\"value\":\"p1\"}]}";
  private static final Consumer<GenerateCredentialsRequest.Builder> BOTH_PASSWORDS =
      r -> r.resourceGroup("myResourceGroup").registry("myRegistry").token("myToken");

  private static AcrClient client(WireMockRuntimeInfo wm) {
    return AcrClient.builder()
        .credential(new RecordingCredential())
        .subscriptionId(AcrClientWireTest.SUB)
        .options(
            ClientOptions.builder()
                .endpoint(URI.create(wm.getHttpBaseUrl()))
                .timeSource(new FakeTime())
                .build())
        .build();
  }

  private static void accepted(String... headers) {
    var answer = aResponse().withStatus(202).withHeader("Retry-After", "0");
    for (int i = 0; i < headers.length; i += 2) {
      answer = answer.withHeader(headers[i], headers[i + 1]);
    }
    stubFor(post(urlPathEqualTo(PATH)).willReturn(answer));
  }

  @Test
  void locationAnswering202ThenTheResultIsFollowedToBothPasswords(WireMockRuntimeInfo wm) {
    accepted("Location", "/operationStatuses/registries-1?api-version=2023-01-01-preview");
    stubFor(
        get(urlPathEqualTo("/operationStatuses/registries-1"))
            .inScenario("op")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(202).withHeader("Retry-After", "0"))
            .willSetStateTo("done"));
    stubFor(
        get(urlPathEqualTo("/operationStatuses/registries-1"))
            .inScenario("op")
            .whenScenarioStateIs("done")
            .willReturn(okJson(BOTH)));
    try (AcrClient acr = client(wm)) {
      assertThat(acr.generateCredentials(BOTH_PASSWORDS).passwords()).hasSize(2);
    }
    verify(2, getRequestedFor(urlPathEqualTo("/operationStatuses/registries-1")));
  }

  @Test
  void statusSucceededWithoutResultIsReadFromLocationWhenBothAreGiven(WireMockRuntimeInfo wm) {
    accepted("Azure-AsyncOperation", "/status/1", "Location", "/result/1");
    stubFor(get("/status/1").willReturn(okJson("{\"status\":\"Succeeded\"}")));
    stubFor(get("/result/1").willReturn(okJson(BOTH)));
    try (AcrClient acr = client(wm)) {
      assertThat(acr.generateCredentials(BOTH_PASSWORDS).password(TokenPasswordName.PASSWORD2))
          .isPresent();
    }
    verify(1, getRequestedFor(urlEqualTo("/result/1")));
  }

  @Test
  void statusSucceededWithoutResultAndNoLocationSaysWhatWasRegenerated(WireMockRuntimeInfo wm) {
    accepted("Azure-AsyncOperation", "/status/1");
    stubFor(get("/status/1").willReturn(okJson("{\"status\":\"Succeeded\"}")));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> acr.generateCredentials(BOTH_PASSWORDS))
          .isInstanceOfSatisfying(
              CredentialNotReturnedException.class,
              e -> assertThat(e.operationId()).isEqualTo(wm.getHttpBaseUrl() + "/status/1"))
          .hasMessageContaining("no answer carried its result")
          .hasMessageContaining(
              "password1 and password2 of token myToken in registry myRegistry were regenerated")
          .hasMessageContaining("regenerate password1 and password2 again, knowingly");
    }
  }

  @Test
  void statusSucceededWithPropertiesHoldingTheResultReturnsIt(WireMockRuntimeInfo wm) {
    accepted("Azure-AsyncOperation", "/status/1");
    stubFor(
        get("/status/1")
            .willReturn(okJson("{\"status\":\"Succeeded\",\"properties\":" + BOTH + "}")));
    try (AcrClient acr = client(wm)) {
      assertThat(acr.generateCredentials(BOTH_PASSWORDS).passwords()).hasSize(2);
    }
  }

  @Test
  void statusPropertiesWithoutPasswordsIsNeverAnEmptyList(WireMockRuntimeInfo wm) {
    accepted("Azure-AsyncOperation", "/status/1");
    stubFor(
        get("/status/1")
            .willReturn(
                okJson("{\"status\":\"Succeeded\",\"properties\":{\"username\":\"myToken\"}}")));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> acr.generateCredentials(BOTH_PASSWORDS))
          .isInstanceOf(CredentialNotReturnedException.class)
          .hasMessageContaining("(the answer had no password1 and password2)");
    }
  }

  @Test
  void bothPromisedButOneReturnedNamesTheMissingOne(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(ONLY_PASSWORD1)));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> acr.generateCredentialsAsync(BOTH_PASSWORDS).join())
          .hasCauseInstanceOf(CredentialNotReturnedException.class)
          .hasMessageContaining("(the answer had no password2)");
    }
  }

  @Test
  void aNamedPasswordMustBeTheOneReturned(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(ONLY_PASSWORD1)));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(
              () ->
                  acr.generateCredentials(
                      BOTH_PASSWORDS.andThen(r -> r.passwordName(TokenPasswordName.PASSWORD2))))
          .isInstanceOfSatisfying(
              CredentialNotReturnedException.class,
              e ->
                  assertThat(e.recovery())
                      .startsWith(
                          "password2 of token myToken in registry myRegistry was regenerated")
                      .contains("regenerate password2 again, knowingly"));
      assertThat(
              acr.generateCredentials(
                      BOTH_PASSWORDS.andThen(r -> r.passwordName(TokenPasswordName.PASSWORD1)))
                  .passwords())
          .hasSize(1);
    }
  }

  @Test
  void aLocationThatAnswers404LeavesTheOutcomeUnknown(WireMockRuntimeInfo wm) {
    accepted("Location", "/operationStatuses/registries-1");
    stubFor(
        get("/operationStatuses/registries-1")
            .willReturn(
                jsonResponse("{\"error\":{\"code\":\"NotFound\",\"message\":\"gone\"}}", 404)));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> acr.generateCredentials(BOTH_PASSWORDS))
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e ->
                  assertThat(e.operationId())
                      .contains(wm.getHttpBaseUrl() + "/operationStatuses/registries-1"));
    }
  }

  @Test
  void aMalformedStatusBodyLeavesTheOutcomeUnknown(WireMockRuntimeInfo wm) {
    accepted("Azure-AsyncOperation", "/status/1");
    stubFor(get("/status/1").willReturn(okJson("{\"status\":")));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> acr.generateCredentials(BOTH_PASSWORDS))
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e -> assertThat(e.operationId()).contains(wm.getHttpBaseUrl() + "/status/1"));
    }
  }
}
