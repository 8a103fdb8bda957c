package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rekey.core.TlsOptions;
import dev.rekey.core.TransportException;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.LogCapture;
import dev.rekey.core.test.TestCertificates;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which servers a client trusts, over real HTTPS against WireMock with certificates made per test.
 */
class ServerTrustTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  @TempDir Path dir;

  @Test
  void refusesSelfSignedServerByDefaultBeforeSendingAnything() {
    try (HttpsWireMock wm = serving(TestCertificates.selfSignedLocalhost())) {
      assertRefused(wm, TlsOptions.defaults());
    }
  }

  @Test
  void acceptsSelfSignedServerWhoseCertificateIsTrustedAsPem() {
    HeldCertificate server = TestCertificates.selfSignedLocalhost();
    try (HttpsWireMock wm = serving(server)) {
      assertAccepted(
          wm, TlsOptions.builder().trustedCertificatesPem(server.certificatePem()).build());
    }
  }

  @Test
  void acceptsSelfSignedServerWhoseCertificateIsInTrustStore() {
    HeldCertificate server = TestCertificates.selfSignedLocalhost();
    try (HttpsWireMock wm = serving(server)) {
      assertAccepted(
          wm,
          TlsOptions.builder()
              .trustStore(TestCertificates.trustStore(server.certificate()))
              .build());
    }
  }

  @Test
  void acceptsServerSignedByTrustedCa() {
    HeldCertificate ca = TestCertificates.ca("Rekey Test CA");
    try (HttpsWireMock wm = HttpsWireMock.start(TestCertificates.localhostSignedBy(ca), dir, ca)) {
      wm.server().stubFor(get("/ping").willReturn(ok("pong")));
      assertAccepted(wm, TlsOptions.builder().trustedCertificatesPem(ca.certificatePem()).build());
    }
  }

  @Test
  void refusesServerSignedByAnotherCaThanTheTrustedOne() {
    HeldCertificate trusted = TestCertificates.ca("Trusted CA");
    HeldCertificate other = TestCertificates.ca("Other CA");
    try (HttpsWireMock wm =
        HttpsWireMock.start(TestCertificates.localhostSignedBy(other), dir, other)) {
      assertRefused(
          wm, TlsOptions.builder().trustedCertificatesPem(trusted.certificatePem()).build());
    }
  }

  @Test
  void refusesServerWhoseCertificateNamesAnotherHostEvenWhenCaIsTrusted() {
    HeldCertificate ca = TestCertificates.ca("Rekey Test CA");
    try (HttpsWireMock wm =
        HttpsWireMock.start(TestCertificates.server(ca, "other.example"), dir, ca)) {
      TransportException e =
          assertRefused(
              wm, TlsOptions.builder().trustedCertificatesPem(ca.certificatePem()).build());
      assertThat(e).hasMessageContaining("localhost");
    }
  }

  @Test
  void trustAllAcceptsAnyServerAndWarnsWhenThePipelineIsBuilt() {
    try (HttpsWireMock wm = serving(TestCertificates.server(null, "other.example"))) {
      TlsOptions insecure = TlsOptions.builder().insecureTrustAllCertificates(true).build();
      try (HttpPipeline pipeline = HttpPipeline.builder(FastCalls.with(insecure)).build()) {
        assertThat(logs.linesOf("dev.rekey.tls"))
            .singleElement()
            .satisfies(
                line -> assertThat(line).startsWith("WARN ").contains("TLS verification is OFF"));
        ApiResponse response = pipeline.send(ApiRequest.get(wm.url("/ping")).build());
        assertThat(response.bodyText()).isEqualTo("pong");
      }
    }
  }

  @Test
  void defaultTlsLogsNoWarning() {
    try (HttpPipeline pipeline = HttpPipeline.builder(FastCalls.options().build()).build()) {
      assertThat(pipeline).isNotNull();
    }
    assertThat(logs.linesOf("dev.rekey.tls")).isEmpty();
  }

  private HttpsWireMock serving(HeldCertificate certificate) {
    HttpsWireMock wm = HttpsWireMock.start(certificate, dir);
    wm.server().stubFor(get("/ping").willReturn(ok("pong")));
    return wm;
  }

  static void assertAccepted(HttpsWireMock wm, TlsOptions tls) {
    ApiResponse response = FastCalls.get(FastCalls.with(tls), wm.url("/ping"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("pong");
    assertThat(wm.server().getAllServeEvents()).hasSize(1);
  }

  /** Asserts the handshake failed before any request byte went out, and the server saw nothing. */
  static TransportException assertRefused(HttpsWireMock wm, TlsOptions tls) {
    Throwable thrown = catchThrowable(() -> FastCalls.get(FastCalls.with(tls), wm.url("/ping")));
    assertThat(thrown).isInstanceOf(TransportException.class);
    TransportException e = (TransportException) thrown;
    assertThat(e.mayHaveReachedServer()).isFalse();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getCause()).isInstanceOf(SSLException.class);
    assertThat(wm.server().getAllServeEvents()).isEmpty();
    return e;
  }
}
