package dev.rekey.ontap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.TestCertificates;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 3: the password endpoint answers 201, but a 202 and a job is still followed, and a
 * confirming re-send answered by a job that fails with 7077925, 7077924 or 7077919 is settled like
 * the same refusal given at once. Shapes the emulator does not make (its policy refuses before any
 * job).
 */
class AReSendAnsweredByAJobIsSettledTest {
  private static final String PATH = "/api/security/authentication/password";
  private static final String JOB = "/api/cluster/jobs/b3f1c9d2-0000-4000-8000-000000000001";
  private static final String LOGIN = "/api/cluster?fields=version";

  @TempDir Path dir;
  private final HeldCertificate certificate = TestCertificates.selfSignedLocalhost();
  private HttpsWireMock wm;
  private OntapClient client;

  @BeforeEach
  void start() {
    wm = HttpsWireMock.start(certificate, dir);
    client =
        OntapClient.builder()
            .endpoint(wm.url("/").uri())
            .options(
                ClientOptions.builder()
                    .timeSource(new FakeTime())
                    .readTimeout(Duration.ofSeconds(5))
                    .build())
            .trustCertificatePem(certificate.certificatePem())
            .basic("admin", Secret.of("Adm1n"))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.close();
  }

  private void lostThenJob() {
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .inScenario("lost")
                .whenScenarioStateIs("Started")
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
                .willSetStateTo("resent"));
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .inScenario("lost")
                .whenScenarioStateIs("resent")
                .willReturn(
                    aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody(
                            "{\"job\":{\"uuid\":\"b3f1c9d2-0000-4000-8000-000000000001\"}}")));
  }

  private void jobFails(String code, String message) {
    wm.server()
        .stubFor(
            get(urlPathEqualTo(JOB))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody(
                            "{\"state\":\"failure\",\"message\":\""
                                + message
                                + "\",\"code\":"
                                + code
                                + ",\"error\":{\"code\":\""
                                + code
                                + "\",\"message\":\""
                                + message
                                + "\"}}")));
  }

  private PasswordChangeResult change() {
    return client.changePassword(
        r -> r.name("u1").password(Secret.of("New1password")).confirmOutcome(true));
  }

  @Test
  void aReSendWhoseJobFailsSameAsOldMeansTheFirstLanded() {
    lostThenJob();
    jobFails("7077925", "The new password must be different to the old password.");

    assertThat(change().evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_SAME_AS_OLD);
    wm.server().verify(2, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aReSendWhoseJobFailsReusedIsSettledByLoggingIn() {
    lostThenJob();
    jobFails("7077924", "The new password must be different than last 6 passwords.");
    wm.server()
        .stubFor(get(urlEqualTo(LOGIN)).willReturn(aResponse().withStatus(200).withBody("{}")));

    assertThat(change().evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
  }

  @Test
  void aReSendWhoseJobFailsReusedWhileTheNewPasswordDoesNotLogInIsOutcomeUnknown() {
    lostThenJob();
    jobFails("7077924", "The new password must be different than last 6 passwords.");
    wm.server().stubFor(get(urlEqualTo(LOGIN)).willReturn(aResponse().withStatus(401)));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class, this::change);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            OperationFailedException.class, f -> assertThat(f.errorCode()).contains("7077924"));
    wm.server().verify(2, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aReSendWhoseJobFailsTooShortWhileTheNewPasswordDoesNotLogInIsThatFailure() {
    lostThenJob();
    jobFails("7077919", "The minimum length for new password does not meet the policy.");
    wm.server().stubFor(get(urlEqualTo(LOGIN)).willReturn(aResponse().withStatus(401)));

    OperationFailedException e = catchThrowableOfType(OperationFailedException.class, this::change);
    assertThat(e.errorCode()).contains("7077919");
    assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(OutcomeUnknownException.class);
  }

  @Test
  void aReSendWhoseJobIsGoneIsOutcomeUnknownCountingBothSends() {
    lostThenJob();
    wm.server()
        .stubFor(
            get(urlPathEqualTo(JOB))
                .willReturn(
                    aResponse()
                        .withStatus(404)
                        .withBody(
                            "{\"error\":{\"code\":\"4\",\"message\":\"entry doesn't exist\"}}")));
    wm.server().stubFor(get(urlEqualTo(LOGIN)).willReturn(aResponse().withStatus(401)));

    OutcomeUnknownException e = catchThrowableOfType(OutcomeUnknownException.class, this::change);
    assertThat(e.attempts()).isEqualTo(2);
  }

  @Test
  void aFirstSendAnsweredWithAJobIsStillFollowed() {
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .willReturn(
                    aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody(
                            "{\"job\":{\"uuid\":\"b3f1c9d2-0000-4000-8000-000000000001\"}}")));
    wm.server()
        .stubFor(
            get(urlPathEqualTo(JOB))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody("{\"state\":\"success\",\"code\":0}")));

    PasswordChangeResult result =
        client.changePassword(r -> r.name("u1").password(Secret.of("New1password")));
    assertThat(result.evidence()).isEqualTo(ChangeEvidence.JOB_SUCCEEDED);
    assertThat(result.jobUuid()).contains("b3f1c9d2-0000-4000-8000-000000000001");
  }

  @Test
  void anAcceptedChangeWhoseJobBodyIsCutShortIsOutcomeUnknownNotAnInternalType() {
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PATH))
                .willReturn(
                    aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody("{\"job\":{\"uu")));

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class,
            () -> client.changePassword(r -> r.name("u1").password(Secret.of("New1password"))));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).contains("accepted (HTTP 202)");
  }

  @Test
  void aLoginCheckAnswered403WithAnOntapErrorMeansThePasswordWasAccepted() {
    wm.server()
        .stubFor(
            get(urlEqualTo(LOGIN))
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody(
                            "{\"error\":{\"code\":\"6\",\"message\":\"not authorized for that command\"}}")));

    assertThat(client.verifyPassword(r -> r.name("svm_user1").password(Secret.of("New1password"))))
        .isTrue();
  }

  @Test
  void aLoginCheckAnswered401MeansAWrongPassword() {
    wm.server().stubFor(get(urlEqualTo(LOGIN)).willReturn(aResponse().withStatus(401)));

    assertThat(
            client.verifyPassword(r -> r.name("svm_user1").password(Secret.of("Wrong1password"))))
        .isFalse();
  }

  @Test
  void aLoginCheckAnswered403WithoutAnOntapErrorSaysNothingAboutThePassword() {
    wm.server()
        .stubFor(
            get(urlEqualTo(LOGIN))
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Forbidden by proxy</html>")));

    OntapServiceException e =
        catchThrowableOfType(
            OntapServiceException.class,
            () ->
                client.verifyPassword(
                    r -> r.name("svm_user1").password(Secret.of("New1password"))));
    assertThat(e.statusCode()).isEqualTo(403);
  }
}
