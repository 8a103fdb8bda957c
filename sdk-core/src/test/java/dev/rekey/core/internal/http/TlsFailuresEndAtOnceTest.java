package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.TransportException;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.TlsVersion;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS failure whose result cannot change ends the call at once, with retries on: one attempt, never
 * "may have reached the server", and a message naming the failed check and the option that fixes it.
 * A rotation POST refused over a missing client certificate is "not sent" on TLS 1.2 (the alert
 * comes inside the handshake) and on TLS 1.3 (the alert comes after the request was written, but
 * before the server accepted the handshake), never "may have been applied".
 */
class TlsFailuresEndAtOnceTest {
  @TempDir Path dir;

  private final FakeTime time = new FakeTime();
  private final HeldCertificate ca = TestCertificates.ca("Rekey Test CA");

  @Test
  void untrustedCertificateEndsAtOnceNamingTrustAndPinOptions() {
    HeldCertificate otherCa = TestCertificates.ca("Other CA");
    try (HttpsWireMock wm = serving(TestCertificates.localhostSignedBy(otherCa))) {
      TransportException e = refused(wm, trustCa(), null, false);
      assertThat(e.getMessage()).contains("not trusted").contains("trustCertificatePem").contains("pinCertificateSha256");
    }
  }

  @Test
  void certificateForAnotherHostEndsAtOnceNamingTheHostAndThePinOption() {
    try (HttpsWireMock wm = serving(TestCertificates.server(ca, "other.example"))) {
      TransportException e = refused(wm, trustCa(), null, false);
      assertThat(e.getMessage()).contains("does not name").contains("localhost").contains("pinCertificateSha256");
    }
  }

  @Test
  void unpinnedCertificateEndsAtOnceNamingWhatItSawAndThePinOption() {
    HeldCertificate server = TestCertificates.selfSignedLocalhost();
    String otherPin = TestCertificates.sha256Hex(TestCertificates.selfSignedLocalhost().certificate());
    try (HttpsWireMock wm = serving(server)) {
      TransportException e =
          refused(wm, TlsOptions.builder().addPinnedCertificateSha256(otherPin).build(), null, false);
      assertThat(e.getMessage())
          .contains("not the pinned one")
          .contains(TestCertificates.sha256WithColons(server.certificate()))
          .contains("pinCertificateSha256");
    }
  }

  @Test
  void rotationRefusedForMissingClientCertificateOnTls12IsNotSent() {
    assertMissingClientCertificateEndsNotSent(TlsVersion.TLS_1_2);
  }

  @Test
  void rotationRefusedForMissingClientCertificateOnTls13IsNotSent() {
    assertMissingClientCertificateEndsNotSent(TlsVersion.TLS_1_3);
  }

  private void assertMissingClientCertificateEndsNotSent(TlsVersion version) {
    HeldCertificate clientCa = TestCertificates.ca("Client CA");
    try (HttpsWireMock wm = HttpsWireMock.startRequiringClientCertificate(
        TestCertificates.localhostSignedBy(ca), dir, clientCa.certificate())) {
      wm.server().stubFor(any(anyUrl()).willReturn(ok("rotated")));
      TransportException e = notSent(wm, trustCa(), version, true);
      // The server's alert ends the call at once; a connection it closed before the client read the
      // alert looks like any broken connection that sent nothing, so that attempt is retried.
      assertThat(e.getMessage()).contains("not sent").doesNotContain("may have been applied");
      if (e.getMessage().contains("refused the TLS handshake")) {
        assertThat(e.getMessage()).contains("clientCertificate");
      }
    }
  }

  private TlsOptions trustCa() {
    return TlsOptions.builder().trustedCertificatesPem(ca.certificatePem()).build();
  }

  private HttpsWireMock serving(HeldCertificate certificate) {
    HttpsWireMock wm = HttpsWireMock.start(certificate, dir);
    wm.server().stubFor(any(anyUrl()).willReturn(ok("pong")));
    return wm;
  }

  /** Sends one call with retries on; asserts it ended at once, unsent, and the server saw nothing. */
  private TransportException refused(HttpsWireMock wm, TlsOptions tls, TlsVersion only, boolean rotation) {
    TransportException e = notSent(wm, tls, only, rotation);
    assertThat(e.attempts()).as(e.getMessage()).isEqualTo(1);
    assertThat(time.waits()).as("no wait to retry").isEmpty();
    return e;
  }

  /** Sends one call with retries on; asserts it ended unsent and the server saw no request. */
  private TransportException notSent(HttpsWireMock wm, TlsOptions tls, TlsVersion only, boolean rotation) {
    ClientOptions.Builder options = ClientOptions.builder()
        .timeSource(time)
        .retryPolicy(RetryPolicy.defaults())
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .tls(tls);
    if (only != null) {
      // HTTP/1.1, as ONTAP speaks: the calling thread reads the server's alert itself (over HTTP/2 the
      // connection's reader thread reads it, and the call only learns that its stream closed).
      options.okHttpClient(new OkHttpClient.Builder()
          .protocols(List.of(Protocol.HTTP_1_1))
          .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS).tlsVersions(only).build()))
          .build());
    }
    ApiRequest request = rotation
        ? ApiRequest.post(wm.url("/rotate"), "{}".getBytes(StandardCharsets.UTF_8), "application/json").build()
        : ApiRequest.get(wm.url("/read")).build();
    TransportException e;
    try (HttpPipeline pipeline = HttpPipeline.builder(options.build()).random(() -> 0.5).build()) {
      e = catchThrowableOfType(TransportException.class, () -> pipeline.send(request));
    }
    assertThat(e).as("ends in TransportException").isNotNull();
    assertThat(e.mayHaveReachedServer()).isFalse();
    assertThat(wm.server().getAllServeEvents()).isEmpty();
    return e;
  }
}
