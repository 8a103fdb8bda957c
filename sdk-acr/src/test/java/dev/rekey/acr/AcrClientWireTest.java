package dev.rekey.acr;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPassword;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.azure.AzureCloud;
import dev.rekey.azure.RotationEvidence;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.FakeTime;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@WireMockTest
class AcrClientWireTest {
  static final String SUB = "00000000-0000-0000-0000-000000000000";
  static final String PATH =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/myResourceGroup/providers/Microsoft.ContainerRegistry/registries/myRegistry/generateCredentials";
  static final String TOKEN_ID =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/myResourceGroup/providers/Microsoft.ContainerRegistry/registries/myRegistry/tokens/myToken";
  static final String RESULT =
      """
      {"username":"myToken","passwords":[
        {"expiry":"2030-12-31T15:59:59.0707808Z","name":"password1","value":"p1-value","creationTime":"2026-01-01T00:00:00+00:00"},
        {"name":"password2","value":"p2-value"}]}""";

  private final RecordingCredential credential = new RecordingCredential();

  private AcrClient client(WireMockRuntimeInfo wm, AzureCloud cloud, String apiVersion) {
    return AcrClient.builder()
        .credential(credential)
        .subscriptionId(SUB)
        .cloud(cloud)
        .apiVersion(apiVersion)
        .options(
            ClientOptions.builder()
                .endpoint(URI.create(wm.getHttpBaseUrl()))
                .timeSource(new FakeTime())
                .build())
        .build();
  }

  private AcrClient client(WireMockRuntimeInfo wm) {
    return client(wm, AzureCloud.PUBLIC, AcrClient.DEFAULT_API_VERSION);
  }

  @Test
  void sendsExactRequestLineHeadersAndJsonBody(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    try (AcrClient acr = client(wm)) {
      acr.generateCredentials(
          r ->
              r.resourceGroup("myResourceGroup")
                  .registry("myRegistry")
                  .token("myToken")
                  .expiry(Instant.parse("2030-12-31T15:59:59Z"))
                  .passwordName(TokenPasswordName.PASSWORD2));
    }
    verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH + "?api-version=2023-01-01-preview"))
            .withHeader("Authorization", equalTo("Bearer " + RecordingCredential.TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("x-ms-client-request-id", matching("[0-9a-f-]{36}"))
            .withHeader("User-Agent", matching("rekey-java/\\S+ sdk-acr/\\S+ .*"))
            .withRequestBody(
                equalToJson(
                    "{\"tokenId\":\""
                        + TOKEN_ID
                        + "\",\"expiry\":\"2030-12-31T15:59:59Z\",\"name\":\"password2\"}",
                    false,
                    false)));
    assertThat(credential.scopes()).containsOnly("https://management.azure.com/.default");
  }

  @Test
  void sendsOnlyTheTokenIdWhenNoExpiryOrPasswordNameIsGiven(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    String mixedCaseId =
        TOKEN_ID.replace("resourceGroups/myResourceGroup", "resourcegroups/MYRESOURCEGROUP");
    try (AcrClient acr = client(wm)) {
      acr.generateCredentials(
          r -> r.resourceGroup("myResourceGroup").registry("myRegistry").tokenId(mixedCaseId));
    }
    verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(equalToJson("{\"tokenId\":\"" + mixedCaseId + "\"}", false, false)));
  }

  @Test
  void readsUsernamePasswordsExpiriesAndCreationTimes(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    try (AcrClient acr = client(wm)) {
      GeneratedCredentials creds =
          acr.generateCredentials(
              r -> r.resourceGroup("myResourceGroup").registry("myRegistry").token("myToken"));
      assertThat(creds.username()).isEqualTo("myToken");
      assertThat(creds.passwords())
          .extracting(TokenPassword::name)
          .containsExactly(TokenPasswordName.PASSWORD1, TokenPasswordName.PASSWORD2);
      TokenPassword p1 = creds.password(TokenPasswordName.PASSWORD1).orElseThrow();
      assertThat(p1.value().reveal()).isEqualTo("p1-value");
      assertThat(p1.expiry()).contains(Instant.parse("2030-12-31T15:59:59.0707808Z"));
      assertThat(p1.creationTime()).contains(Instant.parse("2026-01-01T00:00:00Z"));
      TokenPassword p2 = creds.password(TokenPasswordName.PASSWORD2).orElseThrow();
      assertThat(p2.expiry()).isEmpty();
      assertThat(p2.creationTime()).isEmpty();
    }
  }

  @Test
  void usesTheChinaCloudScopeForTokens(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    try (AcrClient acr = client(wm, AzureCloud.CHINA, AcrClient.DEFAULT_API_VERSION)) {
      acr.generateCredentials(
          r -> r.resourceGroup("myResourceGroup").registry("myRegistry").token("myToken"));
    }
    assertThat(credential.scopes()).containsOnly("https://management.chinacloudapi.cn/.default");
  }

  @Test
  void anAzureStackAudienceIsTheTokenScopeWhileCallsGoToItsEndpoint(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    String audience =
        "https://management.contoso.onmicrosoft.com/3f6d2a8e-0000-4000-8000-000000000001";
    try (AcrClient acr =
        AcrClient.builder()
            .credential(credential)
            .subscriptionId(SUB)
            .cloud(
                AzureCloud.custom(URI.create(wm.getHttpBaseUrl()))
                    .withResourceManagerAudience(audience))
            .options(ClientOptions.builder().timeSource(new FakeTime()).build())
            .build()) {
      generatePassword1(acr, false);
    }
    assertThat(credential.scopes()).containsOnly(audience + "/.default");
    verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void customCloudGivesBothTheEndpointAndTheTokenScope(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    try (AcrClient acr =
        AcrClient.builder()
            .credential(credential)
            .subscriptionId(SUB)
            .cloud(AzureCloud.custom(URI.create(wm.getHttpBaseUrl())))
            .options(ClientOptions.builder().timeSource(new FakeTime()).build())
            .build()) {
      acr.generateCredentials(
          r ->
              r.resourceGroup("myResourceGroup")
                  .registry("myRegistry")
                  .token("myToken")
                  .expiry(java.time.OffsetDateTime.parse("2030-12-31T17:59:59+02:00")));
    }
    assertThat(credential.scopes()).containsOnly(wm.getHttpBaseUrl() + "/.default");
    verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withRequestBody(matchingJsonPath("$.expiry", equalTo("2030-12-31T15:59:59Z"))));
  }

  @Test
  void usesTheUsGovernmentScopeForTokens(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    try (AcrClient acr = client(wm, AzureCloud.US_GOVERNMENT, AcrClient.DEFAULT_API_VERSION)) {
      acr.generateCredentials(
          r -> r.resourceGroup("myResourceGroup").registry("myRegistry").token("myToken"));
    }
    assertThat(credential.scopes()).containsOnly("https://management.usgovcloudapi.net/.default");
  }

  @Test
  void sendsAnOverriddenApiVersion(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    try (AcrClient acr = client(wm, AzureCloud.PUBLIC, "2025-04-01")) {
      acr.generateCredentials(
          r -> r.resourceGroup("myResourceGroup").registry("myRegistry").token("myToken"));
    }
    verify(postRequestedFor(urlEqualTo(PATH + "?api-version=2025-04-01")));
  }

  @Test
  void mapsTheArmErrorBodyWithRequestIdToAcrServiceException(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-ms-request-id", "req-400")
                    .withBody(
                        "{\"error\":{\"code\":\"InvalidExpiry\",\"message\":\"expiry is too far away\",\"target\":\"expiry\","
                            + "\"details\":[{\"code\":\"Inner\",\"message\":\"at most one year\",\"target\":\"expiry\"}]}}")));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(
              () ->
                  acr.generateCredentials(
                      r ->
                          r.resourceGroup("myResourceGroup")
                              .registry("myRegistry")
                              .token("myToken")))
          .isInstanceOfSatisfying(
              AcrServiceException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.errorCode()).contains("InvalidExpiry");
                assertThat(e.serviceMessage()).contains("expiry is too far away");
                assertThat(e.target()).contains("expiry");
                assertThat(e.details())
                    .containsExactly(
                        new ServiceError.Detail("Inner", "at most one year", "expiry"));
                assertThat(e.requestId()).contains("req-400");
                assertThat(e.isRegistryOrTokenNotFound()).isFalse();
                assertThat(e.getMessage()).contains("InvalidExpiry").contains("req-400");
              });
    }
    verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void tellsARegistryOrTokenNotFoundApart(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-ms-request-id", "req-404")
                    .withBody(
                        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource was not found.\"}}")));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(
              () ->
                  acr.generateCredentials(
                      r ->
                          r.resourceGroup("myResourceGroup")
                              .registry("myRegistry")
                              .token("myToken")))
          .isInstanceOfSatisfying(
              AcrServiceException.class,
              e -> {
                assertThat(e.isRegistryOrTokenNotFound()).isTrue();
                assertThat(e.isNotFound()).isTrue();
                assertThat(e.requestId()).contains("req-404");
              });
    }
  }

  @Test
  void asyncFormSendsTheSameRequestAndReadsTheSameResult(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(RESULT)));
    try (AcrClient acr = client(wm)) {
      GeneratedCredentials creds =
          acr.generateCredentialsAsync(
                  r -> r.resourceGroup("myResourceGroup").registry("myRegistry").token("myToken"))
              .get();
      assertThat(creds.password(TokenPasswordName.PASSWORD2).orElseThrow().value().reveal())
          .isEqualTo("p2-value");
    }
    verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH + "?api-version=2023-01-01-preview"))
            .withHeader("Authorization", equalTo("Bearer " + RecordingCredential.TOKEN))
            .withRequestBody(equalToJson("{\"tokenId\":\"" + TOKEN_ID + "\"}", false, false)));
  }

  @Test
  void unreadableSuccessSaysPasswordsWereGeneratedButLost(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"passwords\":[]}")));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(
              () ->
                  acr.generateCredentials(
                      r ->
                          r.resourceGroup("myResourceGroup")
                              .registry("myRegistry")
                              .token("myToken")))
          .isInstanceOfSatisfying(
              CredentialNotReturnedException.class,
              e ->
                  assertThat(e.recovery())
                      .contains("password1 and password2 of token myToken in registry myRegistry"))
          .hasMessageContaining("(the answer had no password1 and password2)")
          .hasMessageContaining("regenerate password1 and password2 again, knowingly");
    }
  }

  @Test
  void keepsThePromisedPasswordWhenAnotherEntryOrTheUsernameIsIncomplete(WireMockRuntimeInfo wm) {
    // the page marks no field of the result required: what can be read is kept, never dropped
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson(
                    """
                    {"passwords":[
                      {"name":"password1","value":"p1-value","expiry":"soon","creationTime":null},
                      {"name":"password2"},
                      {"name":"password3","value":"p3-value"},
                      {"value":"nameless"}]}""")));
    try (AcrClient acr = client(wm)) {
      GeneratedCredentials creds =
          acr.generateCredentials(
              r ->
                  r.resourceGroup("myResourceGroup")
                      .registry("myRegistry")
                      .tokenId(TOKEN_ID)
                      .passwordName(TokenPasswordName.PASSWORD1));
      assertThat(creds.username()).isEqualTo("myToken");
      assertThat(creds.passwords()).hasSize(1);
      TokenPassword p1 = creds.password(TokenPasswordName.PASSWORD1).orElseThrow();
      assertThat(p1.value().reveal()).isEqualTo("p1-value");
      assertThat(p1.expiry()).isEmpty();
      assertThat(p1.creationTime()).isEmpty();
    }
    verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aTokenIdWhoseTokenSegmentIsNoTokenNameIsRefusedBeforeAnyIo(WireMockRuntimeInfo wm) {
    try (AcrClient acr = client(wm)) {
      for (String segment : new String[] {"..", "tok", "my_token", "t".repeat(51)}) {
        String id = TOKEN_ID.replace("/tokens/myToken", "/tokens/" + segment);
        assertThatThrownBy(
                () ->
                    acr.generateCredentials(
                        r -> r.resourceGroup("myResourceGroup").registry("myRegistry").tokenId(id)))
            .as(segment)
            .isInstanceOfSatisfying(
                ValidationException.class,
                e -> {
                  assertThat(e.field()).isEqualTo("tokenId");
                  assertThat(e.rule())
                      .isEqualTo("must end in a token name of 5–50 letters, digits and hyphens");
                });
      }
    }
    assertThat(findAll(anyRequestedFor(anyUrl()))).isEmpty();
  }

  private static String tokenWithPassword1CreatedAt(String time) {
    return "{\"id\":\""
        + TOKEN_ID
        + "\",\"properties\":{\"credentials\":{\"passwords\":["
        + "{\"name\":\"password1\",\"creationTime\":\""
        + time
        + "\"},{\"name\":\"password3\"}]}}}"; // a slot Rekey does not know, without a time
  }

  /**
   * A lost first answer, an unchanged token, a re-send answered with password1 created at {@code
   * resentCreated}, and then the token showing password1 created at {@code finallyCreated}.
   */
  private static void lostThenResent(String resentCreated, String finallyCreated) {
    String[][] steps = {
      {"GET", STARTED, "before", tokenWithPassword1CreatedAt("2026-01-01T00:00:00Z")},
      {"POST", "before", "lost", null},
      {"GET", "lost", "unchanged", tokenWithPassword1CreatedAt("2026-01-01T00:00:00Z")},
      {
        "POST",
        "unchanged",
        "resent",
        "{\"username\":\"myToken\",\"passwords\":[{\"name\":\"password1\","
            + "\"value\":\"resent-value\",\"creationTime\":\""
            + resentCreated
            + "\"}]}"
      },
      {"GET", "resent", "resent", tokenWithPassword1CreatedAt(finallyCreated)}
    };
    for (String[] step : steps) {
      MappingBuilder request =
          step[0].equals("GET") ? get(urlPathEqualTo(TOKEN_ID)) : post(urlPathEqualTo(PATH));
      stubFor(
          request
              .inScenario("late")
              .whenScenarioStateIs(step[1])
              .willReturn(
                  step[3] == null ? aResponse().withFault(Fault.EMPTY_RESPONSE) : okJson(step[3]))
              .willSetStateTo(step[2]));
    }
  }

  private static GeneratedCredentials generatePassword1(AcrClient acr, boolean confirmOutcome) {
    return acr.generateCredentials(
        r ->
            r.resourceGroup("myResourceGroup")
                .registry("myRegistry")
                .token("myToken")
                .passwordName(TokenPasswordName.PASSWORD1)
                .confirmOutcome(confirmOutcome));
  }

  @Test
  void aFirstSendThatLandsAfterTheReSendIsCredentialNotReturned(WireMockRuntimeInfo wm) {
    // the first generation was still running when the token read unchanged and landed after the
    // re-send: the password the re-send returned is already replaced, and no read shows a value
    lostThenResent("2026-01-01T00:01:00Z", "2026-01-01T00:01:01Z");
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> generatePassword1(acr, true))
          .isInstanceOf(CredentialNotReturnedException.class)
          .hasMessageNotContaining("resent-value");
    }
    verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
    verify(exactly(3), getRequestedFor(urlPathEqualTo(TOKEN_ID)));
  }

  @Test
  void aReSendIsReturnedWhenTheTokenShowsItsCreationTimeWithLessPrecision(WireMockRuntimeInfo wm) {
    lostThenResent("2026-01-01T00:01:00.1234567Z", "2026-01-01T00:01:00.123Z");
    try (AcrClient acr = client(wm)) {
      GeneratedCredentials resent = generatePassword1(acr, true);
      assertThat(resent.password(TokenPasswordName.PASSWORD1).orElseThrow().value().reveal())
          .isEqualTo("resent-value");
      assertThat(resent.evidence()).isEqualTo(RotationEvidence.RESENT_AND_APPLIED);
    }
    verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
    verify(exactly(3), getRequestedFor(urlPathEqualTo(TOKEN_ID)));
  }

  @Test
  void anEmptyPasswordValueIsNoPasswordReturned(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson(
                    "{\"username\":\"\",\"passwords\":[{\"name\":\"password1\",\"value\":\"\"}]}")));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> generatePassword1(acr, false))
          .isInstanceOf(CredentialNotReturnedException.class)
          .hasMessageContaining("password1");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Location: http://127.0.0.2:1/operations/o1"})
  void anAcceptedGenerationThatCannotBeFollowedIsNeverSettledByASecondSend(
      String pollHeader, WireMockRuntimeInfo wm) {
    // accepted (202): the generation may still run, so an unchanged token proves nothing and a
    // re-send could be replaced by it; a poll URL on another origin is not followed either
    stubFor(
        get(urlPathEqualTo(TOKEN_ID))
            .willReturn(okJson(tokenWithPassword1CreatedAt("2026-01-01T00:00:00Z"))));
    var accepted = aResponse().withStatus(202).withHeader("x-ms-request-id", "req-202");
    if (!pollHeader.isEmpty()) {
      accepted = accepted.withHeader("Location", pollHeader.substring("Location: ".length()));
    }
    stubFor(post(urlPathEqualTo(PATH)).willReturn(accepted));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> generatePassword1(acr, true))
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class, e -> assertThat(e.operationId()).contains("req-202"))
          .hasMessageContaining("cannot be followed");
    }
    verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
    verify(exactly(1), getRequestedFor(urlPathEqualTo(TOKEN_ID)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Tokens - Get's documented example (TokenGet.json): no credentials at all
        "{\"properties\":{\"creationDate\":\"2020-01-01T00:00:00Z\",\"provisioningState\":\"Succeeded\","
            + "\"status\":\"enabled\"}}",
        // creationTime is optional in the spec's TokenPassword
        "{\"properties\":{\"credentials\":{\"passwords\":[{\"name\":\"password1\"}]}}}"
      })
  void aTokenThatCannotShowTheChangeLeavesALostAnswerUnknownNeverResent(
      String token, WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(TOKEN_ID)).willReturn(okJson(token)));
    stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (AcrClient acr = client(wm)) {
      assertThatThrownBy(() -> generatePassword1(acr, true))
          .isInstanceOf(OutcomeUnknownException.class)
          .hasMessageContaining("could not show whether it took effect")
          .hasMessageContaining("password1");
    }
    verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
    verify(exactly(2), getRequestedFor(urlPathEqualTo(TOKEN_ID)));
  }

  @Test
  void theOnePasswordAnsweredWithoutANameIsTheSlotAskedFor(WireMockRuntimeInfo wm) {
    // the reference page marks TokenPassword.name optional; the value is never shown again
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson("{\"username\":\"myToken\",\"passwords\":[{\"value\":\"unnamed\"}]}")));
    try (AcrClient acr = client(wm)) {
      assertThat(
              generatePassword1(acr, false)
                  .password(TokenPasswordName.PASSWORD1)
                  .orElseThrow()
                  .value()
                  .reveal())
          .isEqualTo("unnamed");
    }
  }
}
