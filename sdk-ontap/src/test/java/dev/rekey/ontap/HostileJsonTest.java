package dev.rekey.ontap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.HostileJson;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.TestCertificates;
import dev.rekey.ontap.model.PasswordChangeRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parser-exhausting JSON on every ONTAP JSON path (answer, error, job status) is refused. */
class HostileJsonTest {
  private static final String PASSWORD = "/api/security/authentication/password";
  private static final HeldCertificate CERT = TestCertificates.selfSignedLocalhost();
  @TempDir static Path dir;
  private static HttpsWireMock wm;
  private static OntapClient client;

  @BeforeAll
  static void start() {
    wm = HttpsWireMock.start(CERT, dir);
    client =
        OntapClient.builder()
            .endpoint(URI.create(wm.url("/").toString()))
            .trustCertificatePem(CERT.certificatePem())
            .basic("admin", Secret.of(dev.rekey.core.test.Canaries.BASIC_PASSWORD))
            .options(
                ClientOptions.builder()
                    .timeSource(new FakeTime())
                    .pollingPolicy(
                        PollingPolicy.builder().initialInterval(Duration.ofMillis(1)).build())
                    .build())
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    wm.close();
  }

  @BeforeEach
  void reset() {
    wm.server().resetAll();
  }

  private static void answer(int status, String body) {
    wm.server()
        .stubFor(
            post(urlPathEqualTo(PASSWORD))
                .willReturn(
                    aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody(body)));
  }

  private static void refused() {
    HostileJson.assertRefused(
        () ->
            client.changePassword(
                PasswordChangeRequest.builder()
                    .name("cluster_user1")
                    .password(Secret.of("New1password"))
                    .build()));
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void acceptedAnswerBody(HostileJson json) {
    answer(202, json.body());
    refused();
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void errorBody(HostileJson json) {
    answer(400, json.body());
    refused();
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void jobStatusBody(HostileJson json) {
    answer(202, "{\"job\":{\"uuid\":\"11111111-2222-3333-4444-555555555555\"}}");
    wm.server()
        .stubFor(
            get(urlPathEqualTo("/api/cluster/jobs/11111111-2222-3333-4444-555555555555"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/hal+json")
                        .withBody(json.body())));
    refused();
    assertThat(wm.server().findAll(getRequestedFor(urlPathMatching("/api/cluster/jobs/.*"))))
        .as("job polled")
        .isNotEmpty();
  }
}
