package dev.rekey.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rekey.core.TlsOptions;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.TestCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** Rules {@link TlsOptions#builder()} enforces on {@code build()}, before any connection. */
class TlsOptionsValidationTest {
  private final HeldCertificate server = TestCertificates.selfSignedLocalhost();

  @Test
  void rejectsPinThatIsNot64HexDigits() {
    String shortPin = TestCertificates.sha256Hex(server.certificate()).substring(2);
    for (String pin : new String[] {shortPin, "zz" + shortPin, "sha256/AAAA", ""}) {
      ValidationException e =
          validationError(() -> TlsOptions.builder().addPinnedCertificateSha256(pin).build());
      assertThat(e.field()).isEqualTo("tls.pinnedCertificateSha256");
      assertThat(e)
          .hasMessageStartingWith(
              "tls.pinnedCertificateSha256 \"" + pin + "\" must be 64 hex digits");
    }
  }

  @Test
  void acceptsPinsWithOrWithoutColonsInEitherCase() {
    String hex = TestCertificates.sha256Hex(server.certificate());
    TlsOptions tls =
        TlsOptions.builder()
            .addPinnedCertificateSha256(hex, hex.toUpperCase(java.util.Locale.ROOT))
            .addPinnedCertificateSha256(TestCertificates.sha256WithColons(server.certificate()))
            .build();
    assertThat(tls.pinnedCertificateSha256()).hasSize(3);
  }

  @Test
  void rejectsTrustStoreTogetherWithTrustedPem() {
    ValidationException e =
        validationError(
            () ->
                TlsOptions.builder()
                    .trustedCertificatesPem(server.certificatePem())
                    .trustStore(TestCertificates.trustStore(server.certificate()))
                    .build());
    assertThat(e.field()).isEqualTo("tls.trustStore");
    assertThat(e).hasMessageContaining("must not be set together with trustedCertificatesPem");
  }

  @Test
  void rejectsTrustedPemWithoutCertificateWhenThePipelineIsBuilt() {
    TlsOptions tls =
        TlsOptions.builder().trustedCertificatesPem("-----BEGIN CERTIFICATE-----\nnope\n").build();
    ValidationException e =
        validationError(() -> HttpPipeline.builder(FastCalls.with(tls)).build().close());
    assertThat(e.field()).isEqualTo("tls.trustedCertificatesPem");
  }

  @Test
  void defaultsVerifyTheServer() {
    TlsOptions tls = TlsOptions.defaults();
    assertThat(tls.insecureTrustAllCertificates()).isFalse();
    assertThat(tls.pinnedCertificateSha256()).isEmpty();
    assertThat(tls.trustedCertificatesPem()).isEmpty();
    assertThat(tls.trustStore()).isEmpty();
    assertThat(tls.clientCertificate()).isEmpty();
  }

  private static ValidationException validationError(Runnable action) {
    Throwable thrown = catchThrowable(action::run);
    assertThat(thrown).isInstanceOf(ValidationException.class);
    return (ValidationException) thrown;
  }
}
