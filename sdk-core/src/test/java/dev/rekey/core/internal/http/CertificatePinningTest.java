package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.TlsOptions;
import dev.rekey.core.TransportException;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.TestCertificates;
import java.nio.file.Path;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinning a server certificate by its SHA-256 fingerprint, over real HTTPS. */
class CertificatePinningTest {
  @TempDir Path dir;

  private final HeldCertificate server = TestCertificates.selfSignedLocalhost();

  @BeforeEach
  void checkFingerprintForms() {
    assertThat(TestCertificates.sha256WithColons(server.certificate()))
        .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    assertThat(TestCertificates.sha256Hex(server.certificate())).matches("[0-9a-f]{64}");
  }

  @Test
  void acceptsPinInOpensslColonForm() {
    try (HttpsWireMock wm = serving(server)) {
      ServerTrustTest.assertAccepted(
          wm, pinned(TestCertificates.sha256WithColons(server.certificate())));
    }
  }

  @Test
  void acceptsPinAsPlainLowercaseHex() {
    try (HttpsWireMock wm = serving(server)) {
      ServerTrustTest.assertAccepted(wm, pinned(TestCertificates.sha256Hex(server.certificate())));
    }
  }

  @Test
  void acceptsPinnedCertificateThatNamesAnotherHost() {
    // ONTAP clusters are often reached by IP with a certificate naming the cluster: the pin is the
    // identity.
    HeldCertificate otherName = TestCertificates.server(null, "cluster1.example");
    try (HttpsWireMock wm = serving(otherName)) {
      ServerTrustTest.assertAccepted(
          wm, pinned(TestCertificates.sha256Hex(otherName.certificate())));
    }
  }

  @Test
  void acceptsWhenAnyOfSeveralPinsMatches() {
    String other = TestCertificates.sha256Hex(TestCertificates.selfSignedLocalhost().certificate());
    try (HttpsWireMock wm = serving(server)) {
      ServerTrustTest.assertAccepted(
          wm,
          TlsOptions.builder()
              .addPinnedCertificateSha256(
                  other, TestCertificates.sha256WithColons(server.certificate()))
              .build());
    }
  }

  @Test
  void refusesServerWhoseFingerprintIsNotPinnedAndNamesTheOneItSaw() {
    String wrong = TestCertificates.sha256Hex(TestCertificates.selfSignedLocalhost().certificate());
    try (HttpsWireMock wm = serving(server)) {
      TransportException e = ServerTrustTest.assertRefused(wm, pinned(wrong));
      assertThat(e.getMessage())
          .contains(TestCertificates.sha256WithColons(server.certificate()))
          .contains("not pinned")
          .doesNotContain(server.privateKeyPkcs8Pem().lines().skip(1).findFirst().orElseThrow());
    }
  }

  @Test
  void pinOverridesTrustedCaSoACaSignedServerWithAnotherFingerprintIsRefused() {
    HeldCertificate ca = TestCertificates.ca("Rekey Test CA");
    HeldCertificate caSigned = TestCertificates.localhostSignedBy(ca);
    try (HttpsWireMock wm = HttpsWireMock.start(caSigned, dir, ca)) {
      wm.server().stubFor(get("/ping").willReturn(ok("pong")));
      ServerTrustTest.assertRefused(
          wm,
          TlsOptions.builder()
              .addPinnedCertificateSha256(TestCertificates.sha256Hex(server.certificate()))
              .build());
    }
  }

  private HttpsWireMock serving(HeldCertificate certificate) {
    HttpsWireMock wm = HttpsWireMock.start(certificate, dir);
    wm.server().stubFor(get("/ping").willReturn(ok("pong")));
    return wm;
  }

  private static TlsOptions pinned(String pin) {
    return TlsOptions.builder().addPinnedCertificateSha256(pin).build();
  }
}
