package dev.rekey.ontap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.TestCertificates;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordHashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletionException;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact request line, headers and body over HTTPS, and what ONTAP's error bodies become. */
class WireShapeTest {
  private static final String PATH = "/api/security/authentication/password";
  private static final String SVM_UUID = "02c9e252-41be-11e9-81d5-00a0986138f7";
  private static final String POLICY_ERROR =
      "{\"error\":{\"code\":\"%s\",\"message\":\"%s\",\"target\":\"password\",\"arguments\":[{\"code\":\"a1\",\"message\":\"6\"}]}}";

  @TempDir Path dir;
  private final HeldCertificate certificate = TestCertificates.selfSignedLocalhost();
  private HttpsWireMock wm;

  @BeforeEach
  void start() {
    wm = HttpsWireMock.start(certificate, dir);
  }

  @AfterEach
  void stop() {
    wm.close();
  }

  private OntapClient.Builder builder() {
    return OntapClient.builder()
        .endpoint(wm.url("/").uri())
        .options(
            ClientOptions.builder()
                .timeSource(new FakeTime())
                .readTimeout(Duration.ofSeconds(5))
                .build())
        .trustCertificatePem(certificate.certificatePem());
  }

  private OntapClient admin() {
    return builder().basic("admin", Secret.of("Adm1n")).build();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sendsOntapsRequestShape() {
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Location", "/api/security/accounts/x/svm_user1")));

    try (OntapClient client = admin()) {
      client.changePassword(
          r ->
              r.name("svm_user1")
                  .ownerName("svm1")
                  .ownerUuid(SVM_UUID)
                  .password(Secret.of("hello@1234"))
                  .passwordHashAlgorithm(PasswordHashAlgorithm.SHA256)
                  .returnRecords(true)
                  .targetSvmUuid(SVM_UUID));
    }

    wm.server()
        .verify(
            postRequestedFor(urlEqualTo(PATH + "?return_records=true"))
                .withHeader("Accept", equalTo("application/hal+json"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo(basic("admin", "Adm1n")))
                .withHeader("X-Dot-SVM-UUID", equalTo(SVM_UUID))
                .withoutHeader("x-ms-client-request-id")
                .withRequestBody(
                    equalToJson(
                        "{\"name\":\"svm_user1\",\"password\":\"hello@1234\",\"owner\":{\"name\":\"svm1\",\"uuid\":\""
                            + SVM_UUID
                            + "\"},\"password_hash_algorithm\":\"sha256\"}")));
  }

  @Test
  void sendsOnlyNameAndPasswordForAClusterAccount() {
    wm.server().stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)));

    try (OntapClient client = admin()) {
      assertThat(
              client
                  .changePassword(r -> r.name("cluster_user1").password(Secret.of("hello@1234")))
                  .location())
          .isEmpty();
    }

    wm.server()
        .verify(
            postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(
                    equalToJson("{\"name\":\"cluster_user1\",\"password\":\"hello@1234\"}")));
  }

  @Test
  void mapsAnErrorBodyToTheTypedException() {
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody(
                            String.format(
                                POLICY_ERROR,
                                "7077940",
                                "The password exceeds maximum supported length."))));

    try (OntapClient client = admin()) {
      OntapServiceException e =
          catchThrowableOfType(
              OntapServiceException.class,
              () -> client.changePassword(r -> r.name("u1").password(Secret.of("hello@1234"))));
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.ontapErrorCode()).contains(OntapErrorCode.TOO_LONG);
      assertThat(e.serviceMessage()).contains("The password exceeds maximum supported length.");
      assertThat(e.target()).contains("password");
      assertThat(e.details()).hasSize(1);
      assertThat(e.getMessage()).doesNotContain("hello@1234");
    }
  }

  @Test
  void keepsAnUnknownCodeRaw() {
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withBody(String.format(POLICY_ERROR, "99999999", "Something new."))));

    try (OntapClient client = admin()) {
      OntapServiceException e =
          catchThrowableOfType(
              OntapServiceException.class,
              () -> client.changePassword(r -> r.name("u1").password(Secret.of("hello@1234"))));
      assertThat(e.ontapErrorCode()).isEmpty();
      assertThat(e.errorCode()).contains("99999999");
      assertThat(e.isPasswordPolicyViolation()).isFalse();
    }
  }

  @Test
  void reusedAfterALostAnswerIsConfirmedByLoggingInWithTheNewPassword() {
    stubLostThenRefused(
        "EMPTY_RESPONSE", "7077924", "The new password must be different than last 6 passwords.");
    wm.server()
        .stubFor(
            get(urlEqualTo("/api/cluster?fields=version"))
                .willReturn(aResponse().withStatus(200).withBody("{}")));

    try (OntapClient client = admin()) {
      var result =
          client.changePassword(
              r -> r.name("u1").password(Secret.of("New1password")).confirmOutcome(true));
      assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
    }
    wm.server().verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    wm.server()
        .verify(
            getRequestedFor(urlEqualTo("/api/cluster?fields=version"))
                .withHeader("Authorization", equalTo(basic("u1", "New1password"))));
  }

  /**
   * A landed first send makes the re-send "one of the last N", and a login refused over HTTP proves
   * nothing for an account that cannot log in there (SSH-only, or an SVM account at the cluster).
   */
  @ParameterizedTest(name = "first send: {0}")
  @ValueSource(strings = {"EMPTY_RESPONSE", "504"})
  void reusedAfterALostAnswerWhoseNewPasswordDoesNotLogInIsOutcomeUnknown(String firstSend) {
    stubLostThenRefused(firstSend, "7077924", "The new password must be different than last 6.");
    stubLoginRefused();

    try (OntapClient client = admin()) {
      OutcomeUnknownException e =
          catchThrowableOfType(
              OutcomeUnknownException.class,
              () ->
                  client.changePassword(
                      r -> r.name("u1").password(Secret.of("New1password")).confirmOutcome(true)));
      assertThat(e.attempts()).isEqualTo(2);
      assertThat(e.getCause())
          .isInstanceOfSatisfying(
              OntapServiceException.class,
              s -> assertThat(s.ontapErrorCode()).contains(OntapErrorCode.REUSED_RECENT_PASSWORD));
      assertThat(e.getMessage()).doesNotContain("New1password");
    }
    wm.server().verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    wm.server().verify(1, getRequestedFor(urlEqualTo("/api/cluster?fields=version")));
  }

  @Test
  void tooShortAfterALostAnswerIsTheRefusalTheFirstSendGotToo() {
    stubLostThenRefused(
        "EMPTY_RESPONSE",
        "7077919",
        "The minimum length for new password does not meet the policy.");
    stubLoginRefused();

    try (OntapClient client = admin()) {
      OntapServiceException e =
          catchThrowableOfType(
              OntapServiceException.class,
              () ->
                  client.changePassword(
                      r -> r.name("u1").password(Secret.of("New1password")).confirmOutcome(true)));
      assertThat(e.ontapErrorCode()).contains(OntapErrorCode.TOO_SHORT);
      assertThat(e.getSuppressed()).hasSize(1);
    }
    wm.server().verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    wm.server().verify(1, getRequestedFor(urlEqualTo("/api/cluster?fields=version")));
  }

  @Test
  void bearerLoginSendsTheToken() {
    wm.server().stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)));

    try (OntapClient client =
        builder()
            .bearer(() -> new AccessToken(Secret.of("tok-1"), Instant.now().plusSeconds(3600)))
            .build()) {
      client.changePassword(r -> r.name("u1").password(Secret.of("hello@1234")));
    }

    wm.server()
        .verify(
            postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer tok-1")));
  }

  /** The first POST is lost ({@code firstSend}: a dropped connection or a gateway status). */
  private void stubLostThenRefused(String firstSend, String code, String message) {
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .inScenario("lost")
                .whenScenarioStateIs("Started")
                .willReturn(
                    firstSend.equals("EMPTY_RESPONSE")
                        ? aResponse().withFault(Fault.EMPTY_RESPONSE)
                        : aResponse().withStatus(Integer.parseInt(firstSend)))
                .willSetStateTo("resent"));
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .inScenario("lost")
                .whenScenarioStateIs("resent")
                .willReturn(
                    aResponse()
                        .withStatus(400)
                        .withBody(String.format(POLICY_ERROR, code, message))));
  }

  private void stubLoginRefused() {
    wm.server()
        .stubFor(
            get(urlEqualTo("/api/cluster?fields=version"))
                .willReturn(
                    aResponse()
                        .withStatus(401)
                        .withBody("{\"error\":{\"code\":\"6\",\"message\":\"not authorized\"}}")));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void anAcceptanceWithoutAJobIsOutcomeUnknownAfterOneSendNeverConfirmed(boolean async) {
    // accepted (202) without a job Rekey can follow: it may still run, so neither a re-send nor a
    // login could say what it will do - in the sync and the async form alike
    wm.server()
        .stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202).withBody("{}")));
    PasswordChangeRequest change =
        PasswordChangeRequest.builder()
            .name("cluster_user1")
            .password(Secret.of("New1password"))
            .confirmOutcome(true)
            .build();
    try (OntapClient client = admin()) {
      Throwable e =
          catchThrowable(
              () -> {
                if (async) {
                  client.changePasswordAsync(change).join();
                } else {
                  client.changePassword(change);
                }
              });
      assertThat(e instanceof CompletionException ? e.getCause() : e)
          .isInstanceOf(OutcomeUnknownException.class);
    }
    assertThat(wm.server().findAll(anyRequestedFor(anyUrl())))
        .as("one send, no login check")
        .hasSize(1);
  }
}
