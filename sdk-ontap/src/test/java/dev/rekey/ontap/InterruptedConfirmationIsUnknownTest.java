package dev.rekey.ontap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.core.test.Eventually;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.TestCertificates;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A caller interrupted while a lost answer is being confirmed (the change was sent) is told the
 * outcome is unknown, not that the call failed.
 */
class InterruptedConfirmationIsUnknownTest {
  private static final String PATH = "/api/security/authentication/password";
  private static final long GENEROUS_SECONDS = 10; // liveness bound only, never a speed assertion

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
            .trustCertificatePem(certificate.certificatePem())
            .basic("admin", Secret.of("Adm1n"))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.close();
  }

  @Test
  void interruptWhileTheReSendIsAnsweredIsUnknown() throws Exception {
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
                .willReturn(aResponse().withStatus(201).withFixedDelay(3_000)));
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                client.changePassword(
                    r -> r.name("u1").password(Secret.of("New1password")).confirmOutcome(true));
                thrown.complete(new AssertionError("returned"));
              } catch (Throwable t) {
                thrown.complete(t);
              }
            },
            "caller");
    caller.start();
    Eventually.await(
        "the re-send reached the cluster",
        () -> wm.server().findAll(postRequestedFor(urlPathEqualTo(PATH))).size() == 2);

    caller.interrupt();
    assertThat(thrown.get(GENEROUS_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining("interrupted");
  }
}
