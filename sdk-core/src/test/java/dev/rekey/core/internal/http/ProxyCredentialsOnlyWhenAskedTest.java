package dev.rekey.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.ProxyOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proxy credentials go only to a proxy that asked for {@code Basic}, once: for plain requests and
 * for the {@code CONNECT} that tunnels an {@code https://} call. mockwebserver3 plays the proxy
 * (and, inside the tunnel, the HTTPS service) and records every request head, so each {@code
 * Proxy-Authorization} it was sent is counted. Retries are on (4 attempts, fake clock), so a
 * refused proxy that was tried again would show.
 */
class ProxyCredentialsOnlyWhenAskedTest {
  private static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("proxy-user:proxy-Pa55".getBytes(StandardCharsets.UTF_8));
  private static final HttpUrl PLAIN = HttpUrl.get("http://target.invalid/things");
  private static final HttpUrl TLS = HttpUrl.get("https://target.invalid/things");

  private final HeldCertificate service = TestCertificates.server(null, "target.invalid");
  private final MockWebServer proxy = new MockWebServer();

  @BeforeEach
  void startProxy() throws IOException {
    proxy.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  @Test
  void plainRequestGetsCredentialsOnlyAfterABasicChallenge() throws Exception {
    proxy.enqueue(challenge("Basic realm=\"proxy\"").build());
    proxy.enqueue(new MockResponse.Builder().body("through").build());
    assertThat(get(PLAIN).bodyText()).isEqualTo("through");
    List<RecordedRequest> seen = recorded();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(seen.get(1).getHeaders().get("Proxy-Authorization")).isEqualTo(BASIC);
  }

  @Test
  void plainRequestToADigestProxyEndsWith407AndNoPassword() throws Exception {
    proxy.enqueue(challenge("Digest realm=\"proxy\", nonce=\"n1\"").build());
    assertThat(refused(PLAIN).statusCode()).isEqualTo(407);
    assertThat(recorded()).hasSize(1);
    assertThat(credentialsSent()).isZero();
  }

  @Test
  void plainRequestRefusedAfterTheCredentialsEndsWith407AfterOneTry() throws Exception {
    proxy.enqueue(challenge("Basic realm=\"proxy\"").build());
    proxy.enqueue(challenge("Basic realm=\"proxy\"").build());
    assertThat(refused(PLAIN).statusCode()).isEqualTo(407);
    assertThat(recorded()).hasSize(2);
    assertThat(credentialsSent()).isEqualTo(1);
  }

  @Test
  void connectCarriesNoCredentialsWhenTheProxyDoesNotAsk() throws Exception {
    proxy.useHttps(serviceTls().sslSocketFactory());
    proxy.enqueue(new MockResponse.Builder().inTunnel().build());
    proxy.enqueue(new MockResponse.Builder().body("tunnelled").build());
    assertThat(get(TLS).bodyText()).isEqualTo("tunnelled");
    List<RecordedRequest> seen = recorded();
    assertThat(seen).extracting(RecordedRequest::getMethod).containsExactly("CONNECT", "GET");
    assertThat(credentialsSent()).isZero();
  }

  @Test
  void connectGetsCredentialsOnlyAfterABasicChallenge() throws Exception {
    proxy.useHttps(serviceTls().sslSocketFactory());
    proxy.enqueue(challenge("Basic realm=\"proxy\"").inTunnel().build());
    proxy.enqueue(new MockResponse.Builder().inTunnel().build());
    proxy.enqueue(new MockResponse.Builder().body("tunnelled").build());
    assertThat(get(TLS).bodyText()).isEqualTo("tunnelled");
    List<RecordedRequest> seen = recorded();
    assertThat(seen)
        .extracting(RecordedRequest::getMethod)
        .containsExactly("CONNECT", "CONNECT", "GET");
    assertThat(seen.get(0).getHeaders().get("Proxy-Authorization")).isNull();
    assertThat(seen.get(1).getHeaders().get("Proxy-Authorization")).isEqualTo(BASIC);
    assertThat(seen.get(2).getHeaders().get("Proxy-Authorization")).isNull();
  }

  @Test
  void connectToADigestProxyEndsWith407AtOnceAndNoPassword() throws Exception {
    proxy.useHttps(serviceTls().sslSocketFactory());
    for (int i = 0; i < 4; i++) {
      proxy.enqueue(challenge("Digest realm=\"proxy\", nonce=\"n1\"").inTunnel().build());
    }
    ServiceException e = refused(TLS);
    assertThat(e.statusCode()).isEqualTo(407);
    assertThat(e.getMessage()).contains("Digest").doesNotContain("proxy-Pa55");
    assertThat(recorded()).extracting(RecordedRequest::getMethod).containsExactly("CONNECT");
    assertThat(credentialsSent()).isZero();
  }

  @Test
  void connectRefusedAfterTheCredentialsEndsWith407WithoutSendingThemAgain() throws Exception {
    proxy.useHttps(serviceTls().sslSocketFactory());
    for (int i = 0; i < 8; i++) {
      proxy.enqueue(challenge("Basic realm=\"proxy\"").inTunnel().build());
    }
    ServiceException e = refused(TLS);
    assertThat(e.statusCode()).isEqualTo(407);
    assertThat(e.getMessage()).doesNotContain("proxy-Pa55").doesNotContain(BASIC.substring(6));
    assertThat(recorded())
        .extracting(RecordedRequest::getMethod)
        .containsExactly("CONNECT", "CONNECT");
    assertThat(credentialsSent()).isEqualTo(1);
  }

  @Test
  void connectChallengedWithoutCredentialsSetEndsWith407AtOnce() throws Exception {
    proxy.useHttps(serviceTls().sslSocketFactory());
    for (int i = 0; i < 4; i++) {
      proxy.enqueue(challenge("Basic realm=\"proxy\"").inTunnel().build());
    }
    ClientOptions noCredentials =
        options(ProxyOptions.builder().host("127.0.0.1").port(proxy.getPort()).build());
    ServiceException e;
    try (HttpPipeline pipeline = HttpPipeline.builder(noCredentials).build()) {
      e =
          catchThrowableOfType(
              ServiceException.class, () -> pipeline.send(ApiRequest.get(TLS).build()));
    }
    assertThat(e.statusCode()).isEqualTo(407);
    assertThat(e.getMessage()).contains("no proxy credentials are set");
    assertThat(recorded()).extracting(RecordedRequest::getMethod).containsExactly("CONNECT");
  }

  private static MockResponse.Builder challenge(String proxyAuthenticate) {
    return new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", proxyAuthenticate);
  }

  private HandshakeCertificates serviceTls() {
    return new HandshakeCertificates.Builder().heldCertificate(service).build();
  }

  private ClientOptions options() {
    return options(
        ProxyOptions.builder()
            .host("127.0.0.1")
            .port(proxy.getPort())
            .username("proxy-user")
            .password(Secret.of("proxy-Pa55"))
            .build());
  }

  private ClientOptions options(ProxyOptions proxyOptions) {
    return ClientOptions.builder()
        .timeSource(new FakeTime())
        .retryPolicy(RetryPolicy.defaults())
        .connectTimeout(java.time.Duration.ofSeconds(2))
        .readTimeout(java.time.Duration.ofSeconds(2))
        .tls(TlsOptions.builder().trustedCertificatesPem(service.certificatePem()).build())
        .proxy(proxyOptions)
        .build();
  }

  private ApiResponse get(HttpUrl url) {
    try (HttpPipeline pipeline = HttpPipeline.builder(options()).random(() -> 0.5).build()) {
      return pipeline.send(ApiRequest.get(url).build());
    }
  }

  private ServiceException refused(HttpUrl url) {
    return catchThrowableOfType(ServiceException.class, () -> get(url));
  }

  /** Every request the proxy received so far, CONNECTs included, in order. */
  private List<RecordedRequest> recorded() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>(this.all);
    for (RecordedRequest r = proxy.takeRequest(100, TimeUnit.MILLISECONDS);
        r != null;
        r = proxy.takeRequest(100, TimeUnit.MILLISECONDS)) {
      all.add(r);
    }
    this.all.clear();
    this.all.addAll(all);
    return all;
  }

  private final List<RecordedRequest> all = new ArrayList<>();

  private long credentialsSent() throws InterruptedException {
    return recorded().stream()
        .filter(r -> r.getHeaders().get("Proxy-Authorization") != null)
        .count();
  }
}
