package dev.rekey.ontap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.ClientCertificate;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.Secret;
import dev.rekey.core.TransportException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.HttpsWireMock;
import dev.rekey.core.test.LogCapture;
import dev.rekey.core.test.TestCertificates;
import dev.rekey.testkit.OntapAccount;
import dev.rekey.testkit.OntapEmulator;
import java.net.URI;
import java.nio.file.Path;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server trust is verified by default; PEM, CA, pin and the loud insecure mode; certificate login.
 */
class TlsAndCertificateLoginTest {
  private static final HeldCertificate ADMIN_CERTIFICATE =
      new HeldCertificate.Builder().commonName("admin").build();

  @RegisterExtension final LogCapture logs = new LogCapture();
  @TempDir Path dir;

  private static void changeUser(OntapClient client) {
    client.changePassword(r -> r.name("cluster_user1").password(Secret.of("New1password")));
  }

  @Test
  void refusesTheClustersSelfSignedCertificateByDefault() {
    try (OntapFixture fx = new OntapFixture();
        OntapClient client =
            OntapClient.builder()
                .endpoint(fx.endpoint())
                .options(fx.options(HttpLogLevel.NONE))
                .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
                .build()) {
      OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

      TransportException e =
          catchThrowableOfType(TransportException.class, () -> changeUser(client));

      assertThat(e).hasMessageContaining("ONTAP changePassword");
      assertThat(user.changes()).isZero();
      assertThat(fx.ontap.requests()).isEmpty();
    }
  }

  @Test
  void trustsAPinnedCertificate() {
    try (OntapFixture fx = new OntapFixture();
        OntapClient client =
            OntapClient.builder()
                .endpoint(fx.endpoint())
                .options(fx.options(HttpLogLevel.NONE))
                .pinCertificateSha256(fx.ontap.certificateSha256())
                .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
                .build()) {
      OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);
      changeUser(client);
      assertThat(user.changes()).isEqualTo(1);
    }
  }

  @Test
  void refusesACertificateThatDoesNotMatchThePin() {
    try (OntapFixture fx = new OntapFixture();
        OntapClient client =
            OntapClient.builder()
                .endpoint(fx.endpoint())
                .options(fx.options(HttpLogLevel.NONE))
                .pinCertificateSha256("00".repeat(32))
                .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
                .build()) {
      assertThat(
              catchThrowableOfType(
                  TransportException.class,
                  () -> client.verifyPassword(r -> r.name("admin").password(Secret.of("x")))))
          .isNotNull();
      assertThat(fx.ontap.requests()).isEmpty();
    }
  }

  @Test
  void insecureModeWorksAndSaysSoInTheLog() {
    try (OntapFixture fx = new OntapFixture();
        OntapClient client =
            OntapClient.builder()
                .endpoint(fx.endpoint())
                .options(fx.options(HttpLogLevel.NONE))
                .insecureTrustAllCertificates()
                .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
                .build()) {
      fx.ontap.addClusterUser("cluster_user1", "Old1password", false);
      changeUser(client);
    }
    assertThat(logs.text()).contains("WARN").contains("insecureTrustAllCertificates");
  }

  @Test
  void trustsAClusterCertificateIssuedByAGivenCa() {
    HeldCertificate ca = TestCertificates.ca("Cluster CA");
    try (HttpsWireMock wm = HttpsWireMock.start(TestCertificates.localhostSignedBy(ca), dir, ca)) {
      wm.server()
          .stubFor(
              post(urlPathEqualTo("/api/security/authentication/password"))
                  .willReturn(aResponse().withStatus(201)));
      try (OntapClient client =
          OntapClient.builder()
              .endpoint(wm.url("/").uri())
              .trustCertificatePem(ca.certificatePem())
              .basic("admin", Secret.of("pw"))
              .build()) {
        changeUser(client);
      }
    }
  }

  /** A cluster whose admin may log in with {@link #ADMIN_CERTIFICATE}. */
  private static OntapFixture certificateLoginCluster() {
    return new OntapFixture(
        new OntapEmulator(OntapFixture.ADMIN_PASSWORD, ADMIN_CERTIFICATE.certificate()));
  }

  private static OntapClient certificateLoginClient(OntapFixture fx) {
    return fx.trusting()
        .clientCertificate(
            ClientCertificate.fromPem(
                ADMIN_CERTIFICATE.certificatePem(), ADMIN_CERTIFICATE.privateKeyPkcs8Pem()))
        .build();
  }

  @Test
  void logsInWithAClientCertificateNamingTheAccount() {
    try (OntapFixture fx = certificateLoginCluster();
        OntapClient client = certificateLoginClient(fx)) {
      OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

      changeUser(client);

      assertThat(user.changes()).isEqualTo(1);
      assertThat(fx.ontap.requests().get(0).getHeaders().get("Authorization")).isNull();
    }
  }

  @Test
  void aCertificateLoginClientChecksAnotherAccountsLoginWithoutItsCertificate() {
    try (OntapFixture fx = certificateLoginCluster();
        OntapClient client = certificateLoginClient(fx)) {
      fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

      assertThat(
              client.verifyPassword(
                  v -> v.name("cluster_user1").password(Secret.of("Old1password"))))
          .isTrue();
      assertThat(
              client.verifyPassword(v -> v.name("cluster_user1").password(Secret.of("Wrong1pw"))))
          .isFalse();

      // the admin's certificate would say who logs in, whatever the basic credentials say
      assertThat(fx.ontap.requests())
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.getHandshake().peerCertificates()).isEmpty());
      changeUser(client); // the client's own calls still present it
      assertThat(fx.ontap.requests().get(2).getHandshake().peerCertificates()).hasSize(1);
    }
  }

  @Test
  void refusesAPlainHttpEndpointAndAMissingLogin() {
    assertThat(
            catchThrowableOfType(
                ValidationException.class,
                () ->
                    OntapClient.builder()
                        .endpoint(URI.create("http://cluster1"))
                        .basic("a", Secret.of("b"))
                        .build()))
        .hasMessageContaining("endpoint")
        .hasMessageContaining("https");
    assertThat(
            catchThrowableOfType(
                ValidationException.class,
                () ->
                    OntapClient.builder()
                        .endpoint(URI.create("https://admin:Pa55w0rd@cluster1"))
                        .basic("a", Secret.of("b"))
                        .build()))
        .hasMessageContaining("without a user name or password")
        .hasMessageNotContaining("Pa55w0rd");
    assertThat(
            catchThrowableOfType(
                ValidationException.class,
                () -> OntapClient.builder().endpoint(URI.create("https://cluster1")).build()))
        .hasMessageContaining("authentication");
    assertThat(
            catchThrowableOfType(
                ValidationException.class,
                () -> OntapClient.builder().basic("a", Secret.of("b")).build()))
        .hasMessageContaining("endpoint");
  }
}
