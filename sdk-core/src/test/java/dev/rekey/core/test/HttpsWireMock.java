package dev.rekey.core.test;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.tls.HeldCertificate;

/**
 * A WireMock server that speaks only HTTPS on a free port, presenting a certificate made at test
 * time (see {@link TestCertificates}) and, for mutual TLS, demanding a client certificate issued by
 * a trusted CA. Close it to stop the server.
 *
 * <pre>{@code
 * try (HttpsWireMock wm = HttpsWireMock.start(TestCertificates.selfSignedLocalhost(), tempDir)) {
 *   wm.server().stubFor(get("/x").willReturn(ok()));
 *   HttpUrl url = wm.url("/x");
 * }
 * }</pre>
 */
public final class HttpsWireMock implements AutoCloseable {
  /** The password of the key and trust stores this class writes; test material only. */
  public static final String STORE_PASSWORD = "test-store-password";

  private final WireMockServer server;

  private HttpsWireMock(WireMockServer server) {
    this.server = server;
  }

  /**
   * Starts a server presenting {@code certificate} (followed by {@code chain}), writing its key
   * store under {@code dir}.
   */
  public static HttpsWireMock start(
      HeldCertificate certificate, Path dir, HeldCertificate... chain) {
    return new HttpsWireMock(started(config(certificate, dir, chain)));
  }

  /**
   * Starts a server presenting {@code certificate} that refuses any client not presenting a
   * certificate issued by (or equal to) one of {@code trustedClientIssuers}.
   */
  public static HttpsWireMock startRequiringClientCertificate(
      HeldCertificate certificate, Path dir, X509Certificate... trustedClientIssuers) {
    if (trustedClientIssuers.length == 0) {
      throw new IllegalArgumentException("mutual TLS needs at least one trusted client issuer");
    }
    Path trustStore =
        TestCertificates.writeTrustStore(
            dir.resolve("wiremock-client-trust.p12"), STORE_PASSWORD, trustedClientIssuers);
    WireMockConfiguration config =
        config(certificate, dir)
            .needClientAuth(true)
            .trustStorePath(trustStore.toString())
            .trustStorePassword(STORE_PASSWORD)
            .trustStoreType("PKCS12");
    return new HttpsWireMock(started(config));
  }

  private static WireMockConfiguration config(
      HeldCertificate certificate, Path dir, HeldCertificate... chain) {
    Objects.requireNonNull(certificate, "certificate == null");
    Path keyStore =
        TestCertificates.writePkcs12(
            dir.resolve("wiremock-server-" + System.nanoTime() + ".p12"),
            STORE_PASSWORD,
            certificate,
            chain);
    return wireMockConfig()
        .httpDisabled(true)
        .httpsPort(0)
        .keystorePath(keyStore.toString())
        .keystorePassword(STORE_PASSWORD)
        .keyManagerPassword(STORE_PASSWORD)
        .keystoreType("PKCS12");
  }

  private static WireMockServer started(WireMockConfiguration config) {
    WireMockServer server = new WireMockServer(config);
    server.start();
    return server;
  }

  /** Returns the WireMock server, for stubbing and verifying. */
  public WireMockServer server() {
    return server;
  }

  /** Returns the HTTPS port the server listens on. */
  public int port() {
    return server.httpsPort();
  }

  /** Returns {@code https://localhost:<port><path>}. */
  public HttpUrl url(String path) {
    return HttpUrl.get("https://localhost:" + port() + path);
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }
}
