package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rekey.core.ClientCertificate;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.TestCertificates;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presenting a client certificate to a server that demands one (mutual TLS), over real HTTPS. */
class MutualTlsTest {
  private static final String P12_PASSWORD = dev.rekey.core.test.Canaries.CLIENT_KEY_PASSWORD;

  @TempDir Path dir;

  private final HeldCertificate serverCa = TestCertificates.ca("Server CA");
  private final HeldCertificate clientCa = TestCertificates.ca("Client CA");
  private final HeldCertificate client = TestCertificates.client(clientCa, "rekey-client");
  private HttpsWireMock wm;

  @BeforeEach
  void startServerDemandingClientCertificates() {
    wm =
        HttpsWireMock.startRequiringClientCertificate(
            TestCertificates.localhostSignedBy(serverCa), dir, clientCa.certificate());
    wm.server().stubFor(get("/ping").willReturn(ok("pong")));
  }

  @AfterEach
  void stopServer() {
    wm.close();
  }

  @Test
  void failsWithoutClientCertificateAndServerSeesNoRequest() {
    Throwable thrown =
        catchThrowable(() -> FastCalls.get(FastCalls.with(trustServer().build()), wm.url("/ping")));
    assertThat(thrown).isInstanceOf(RekeyException.class).hasCauseInstanceOf(IOException.class);
    assertThat(wm.server().getAllServeEvents()).isEmpty();
  }

  @Test
  void failsWithClientCertificateFromAnUntrustedIssuer() {
    HeldCertificate stranger =
        TestCertificates.client(TestCertificates.ca("Stranger CA"), "stranger");
    ClientCertificate certificate =
        ClientCertificate.fromPem(stranger.certificatePem(), stranger.privateKeyPkcs8Pem());
    Throwable thrown =
        catchThrowable(
            () ->
                FastCalls.get(
                    FastCalls.with(trustServer().clientCertificate(certificate).build()),
                    wm.url("/ping")));
    assertThat(thrown).isInstanceOf(RekeyException.class).hasCauseInstanceOf(IOException.class);
    assertThat(wm.server().getAllServeEvents()).isEmpty();
  }

  @Test
  void succeedsWithPkcs12ClientCertificate() {
    Path p12 =
        TestCertificates.writePkcs12(dir.resolve("client.p12"), P12_PASSWORD, client, clientCa);
    assertCallSucceedsWith(ClientCertificate.fromPkcs12(p12, Secret.of(P12_PASSWORD)));
  }

  @Test
  void succeedsWithPkcs12Bytes() throws IOException {
    Path p12 = TestCertificates.writePkcs12(dir.resolve("client.p12"), P12_PASSWORD, client);
    assertCallSucceedsWith(
        ClientCertificate.fromPkcs12(
            java.nio.file.Files.readAllBytes(p12), Secret.of(P12_PASSWORD)));
  }

  @Test
  void succeedsWithPemCertificateAndPkcs8EcKey() {
    assertCallSucceedsWith(
        ClientCertificate.fromPem(client.certificatePem(), client.privateKeyPkcs8Pem()));
  }

  @Test
  void succeedsWithPemCertificateAndAKeyHeldAsSecret() {
    assertCallSucceedsWith(
        ClientCertificate.fromPem(client.certificatePem(), Secret.of(client.privateKeyPkcs8Pem())));
  }

  @Test
  void succeedsWithPemCertificateAndPkcs8RsaKey() {
    HeldCertificate rsa = TestCertificates.rsaClient(clientCa, "rekey-rsa-client");
    assertCallSucceedsWith(
        ClientCertificate.fromPem(rsa.certificatePem(), rsa.privateKeyPkcs8Pem()));
  }

  @Test
  void rejectsWrongPkcs12PasswordNamingTheFieldButNotThePassword() {
    Path p12 = TestCertificates.writePkcs12(dir.resolve("client.p12"), P12_PASSWORD, client);
    Throwable thrown =
        catchThrowable(() -> ClientCertificate.fromPkcs12(p12, Secret.of("wrong-Pass-987")));
    assertThat(thrown).isInstanceOf(ValidationException.class);
    ValidationException e = (ValidationException) thrown;
    assertThat(e.field()).isEqualTo("clientCertificate");
    assertThat(e.getMessage())
        .startsWith("clientCertificate ")
        .contains("password")
        .doesNotContain("wrong-Pass-987")
        .doesNotContain(P12_PASSWORD);
    assertThat(e.getMessage())
        .isEqualTo(
            "clientCertificate "
                + Check.quote(p12.toString())
                + " must be PKCS#12 that the given password opens");
    // The cause tells a wrong password from a missing or unreadable file, and shows no password.
    assertThat(e.getCause()).isInstanceOf(IOException.class);
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain("wrong-Pass-987")
          .doesNotContain(P12_PASSWORD);
    }
  }

  @Test
  void rejectsMissingPkcs12FileQuotingItsPathAndKeepingTheCause() {
    Throwable thrown =
        catchThrowable(
            () -> ClientCertificate.fromPkcs12(Path.of("missing.p12"), Secret.of(P12_PASSWORD)));
    assertThat(thrown)
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "clientCertificate \"missing.p12\" must be a readable PKCS#12 file (no such file)")
        .hasCauseInstanceOf(NoSuchFileException.class)
        .hasMessageNotContaining(P12_PASSWORD);
  }

  @Test
  void rejectsPkcs12FileItMayNotReadSayingAccessDenied() throws IOException {
    Path p12 = TestCertificates.writePkcs12(dir.resolve("locked.p12"), P12_PASSWORD, client);
    assumeTrue(
        p12.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    Files.setPosixFilePermissions(p12, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(p12), "runs as a user the permissions bind (not root)");
    Throwable thrown = catchThrowable(() -> ClientCertificate.fromPkcs12(p12, Secret.of("x")));
    assertThat(thrown)
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "clientCertificate "
                + Check.quote(p12.toString())
                + " must be a readable PKCS#12 file (access denied)")
        .hasCauseInstanceOf(AccessDeniedException.class);
  }

  @Test
  void rejectsPkcs1RsaKeyWithConversionHint() {
    HeldCertificate rsa = TestCertificates.rsaClient(clientCa, "rekey-rsa-client");
    assertThat(rsa.privateKeyPkcs1Pem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    Throwable thrown =
        catchThrowable(
            () -> ClientCertificate.fromPem(rsa.certificatePem(), rsa.privateKeyPkcs1Pem()));
    assertThat(thrown).isInstanceOf(ValidationException.class);
    ValidationException e = (ValidationException) thrown;
    assertThat(e.field()).isEqualTo("clientCertificate.privateKey");
    assertThat(e.getMessage())
        .contains("BEGIN PRIVATE KEY")
        .contains("openssl pkcs8 -topk8 -nocrypt")
        .doesNotContain(rsa.privateKeyPkcs1Pem().lines().skip(1).findFirst().orElseThrow());
  }

  @Test
  void rejectsPemWithoutCertificate() {
    Throwable thrown =
        catchThrowable(
            () -> ClientCertificate.fromPem("not a certificate", client.privateKeyPkcs8Pem()));
    assertThat(thrown).isInstanceOf(ValidationException.class);
    assertThat(((ValidationException) thrown).field()).isEqualTo("clientCertificate.chain");
  }

  @Test
  void toStringShowsNoKeyMaterial() {
    Path p12 = TestCertificates.writePkcs12(dir.resolve("client.p12"), P12_PASSWORD, client);
    ClientCertificate fromP12 = ClientCertificate.fromPkcs12(p12, Secret.of(P12_PASSWORD));
    ClientCertificate fromPem =
        ClientCertificate.fromPem(client.certificatePem(), client.privateKeyPkcs8Pem());
    for (ClientCertificate c : new ClientCertificate[] {fromP12, fromPem}) {
      assertThat(c.toString())
          .isEqualTo("ClientCertificate[****]")
          .doesNotContain(P12_PASSWORD)
          .doesNotContain("PRIVATE");
      assertThat(c.keyPassword().toString()).isEqualTo("****");
    }
    assertThat(TlsOptions.builder().clientCertificate(fromPem).build().toString())
        .doesNotContain(client.privateKeyPkcs8Pem().lines().skip(1).findFirst().orElseThrow());
  }

  private void assertCallSucceedsWith(ClientCertificate certificate) {
    ApiResponse response =
        FastCalls.get(
            FastCalls.with(trustServer().clientCertificate(certificate).build()), wm.url("/ping"));
    assertThat(response.bodyText()).isEqualTo("pong");
    assertThat(wm.server().getAllServeEvents()).hasSize(1);
  }

  private TlsOptions.Builder trustServer() {
    return TlsOptions.builder().trustedCertificatesPem(serverCa.certificatePem());
  }
}
