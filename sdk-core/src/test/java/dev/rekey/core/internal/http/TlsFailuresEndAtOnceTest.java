package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.TransportException;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.TestCertificates;
import java.io.IOException;
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
 * A TLS failure whose result cannot change ends the call at once, with retries on: one attempt,
 * never "may have reached the server", and a message naming the failed check and the option that
 * fixes it. A rotation POST refused over a missing client certificate is "not sent" on TLS 1.2 (the
 * alert comes inside the handshake) and on TLS 1.3 when the alert is read (it comes after the
 * request was written, but before the server accepted the handshake, so the server never read the
 * request).
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
      assertThat(e.getMessage())
          .contains("not trusted")
          .contains("trustCertificatePem")
          .contains("pinCertificateSha256");
    }
  }

  @Test
  void certificateForAnotherHostEndsAtOnceNamingTheHostAndThePinOption() {
    try (HttpsWireMock wm = serving(TestCertificates.server(ca, "other.example"))) {
      TransportException e = refused(wm, trustCa(), null, false);
      assertThat(e.getMessage())
          .contains("does not name")
          .contains("localhost")
          .contains("pinCertificateSha256");
    }
  }

  @Test
  void unpinnedCertificateEndsAtOnceNamingWhatItSawAndThePinOption() {
    HeldCertificate server = TestCertificates.selfSignedLocalhost();
    String otherPin =
        TestCertificates.sha256Hex(TestCertificates.selfSignedLocalhost().certificate());
    try (HttpsWireMock wm = serving(server)) {
      TransportException e =
          refused(
              wm, TlsOptions.builder().addPinnedCertificateSha256(otherPin).build(), null, false);
      assertThat(e.getMessage())
          .contains("not the pinned one")
          .contains(TestCertificates.sha256WithColons(server.certificate()))
          .contains("pinCertificateSha256");
    }
  }

  @Test
  void rotationRefusedForMissingClientCertificateOnTls12IsNotSent() {
    HeldCertificate clientCa = TestCertificates.ca("Client CA");
    try (HttpsWireMock wm = requiringClientCertificate(clientCa)) {
      // The alert comes inside the handshake, before any request byte: never "may have been
      // applied".
      TransportException e = notSent(wm, trustCa(), TlsVersion.TLS_1_2, true);
      assertThat(e.getMessage()).contains("not sent").doesNotContain("may have been applied");
    }
  }

  /**
   * TLS 1.3: the client has written the request when the server's alert comes. When the client
   * reads the alert, the call ends at once as not sent. When the server's close wins the race and
   * the request write fails first (a broken pipe), nothing tells that apart from a server that
   * dropped a request it had begun to read, so a rotation stays "may have been applied": the test
   * looks until it has seen the alert path, and checks every attempt is one of the two.
   */
  @Test
  void rotationRefusedForMissingClientCertificateOnTls13IsNotSentWhenTheAlertIsRead() {
    HeldCertificate clientCa = TestCertificates.ca("Client CA");
    try (HttpsWireMock wm = requiringClientCertificate(clientCa)) {
      boolean alertRead = false;
      for (int i = 0; i < 10 && !alertRead; i++) {
        Throwable thrown = catchThrowable(() -> send(wm, trustCa(), TlsVersion.TLS_1_3, true));
        if (thrown instanceof TransportException e
            && e.getMessage().contains("refused the TLS handshake")) {
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.mayHaveReachedServer()).isFalse();
          assertThat(e.getMessage()).contains("clientCertificate").contains("not sent");
          alertRead = true;
        } else if (!(thrown instanceof TransportException)) {
          assertThat(thrown).isInstanceOf(OutcomeUnknownException.class);
          // Never the alert itself: that would be certain, so "not sent".
          assertThat(thrown.getCause()).isInstanceOf(IOException.class);
          assertThat(String.valueOf(thrown.getCause().getMessage())).doesNotContain("fatal alert");
        }
      }
      assertThat(alertRead).as("the server's alert was read in one of 10 tries").isTrue();
      assertThat(wm.server().getAllServeEvents()).isEmpty();
    }
  }

  private HttpsWireMock requiringClientCertificate(HeldCertificate clientCa) {
    HttpsWireMock wm =
        HttpsWireMock.startRequiringClientCertificate(
            TestCertificates.localhostSignedBy(ca), dir, clientCa.certificate());
    wm.server().stubFor(any(anyUrl()).willReturn(ok("rotated")));
    return wm;
  }

  private TlsOptions trustCa() {
    return TlsOptions.builder().trustedCertificatesPem(ca.certificatePem()).build();
  }

  private HttpsWireMock serving(HeldCertificate certificate) {
    HttpsWireMock wm = HttpsWireMock.start(certificate, dir);
    wm.server().stubFor(any(anyUrl()).willReturn(ok("pong")));
    return wm;
  }

  /**
   * Sends one call with retries on; asserts it ended at once, unsent, and the server saw nothing.
   */
  private TransportException refused(
      HttpsWireMock wm, TlsOptions tls, TlsVersion only, boolean rotation) {
    TransportException e = notSent(wm, tls, only, rotation);
    assertThat(e.attempts()).as(e.getMessage()).isEqualTo(1);
    assertThat(time.waits()).as("no wait to retry").isEmpty();
    return e;
  }

  /** Sends one call with retries on, over TLS {@code only} when given, HTTP/1.1 then. */
  private ApiResponse send(HttpsWireMock wm, TlsOptions tls, TlsVersion only, boolean rotation) {
    ClientOptions.Builder options =
        ClientOptions.builder()
            .timeSource(time)
            .retryPolicy(RetryPolicy.defaults())
            // Generous: on a loaded machine a 2 s handshake timed out and was retried (2 attempts
            // seen).
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(10))
            .tls(tls);
    if (only != null) {
      // HTTP/1.1, as ONTAP speaks: the calling thread reads the server's alert itself (over HTTP/2
      // the
      // connection's reader thread reads it, and the call only learns that its stream closed).
      options.okHttpClient(
          new OkHttpClient.Builder()
              .protocols(List.of(Protocol.HTTP_1_1))
              .connectionSpecs(
                  List.of(
                      new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                          .tlsVersions(only)
                          .build()))
              .build());
    }
    ApiRequest request =
        rotation
            ? ApiRequest.post(
                    wm.url("/rotate"), "{}".getBytes(StandardCharsets.UTF_8), "application/json")
                .build()
            : ApiRequest.get(wm.url("/read")).build();
    try (HttpPipeline pipeline = HttpPipeline.builder(options.build()).random(() -> 0.5).build()) {
      return pipeline.send(request);
    }
  }

  /** Sends one call with retries on; asserts it ended unsent and the server saw no request. */
  private TransportException notSent(
      HttpsWireMock wm, TlsOptions tls, TlsVersion only, boolean rotation) {
    TransportException e =
        catchThrowableOfType(TransportException.class, () -> send(wm, tls, only, rotation));
    assertThat(e).as("ends in TransportException").isNotNull();
    assertThat(e.mayHaveReachedServer()).isFalse();
    assertThat(wm.server().getAllServeEvents()).isEmpty();
    return e;
  }
}
