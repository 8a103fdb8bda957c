package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ProxyOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.TransportException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.RecordingProxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sending calls through an HTTP proxy. The "proxy" is a plain WireMock server that answers and
 * records whatever reaches it; the target host never resolves, so a call that skipped the proxy
 * fails.
 */
class HttpProxyTest {
  private static final HttpUrl TARGET =
      HttpUrl.get("http://target.invalid:8443/things?api-version=1");
  private static final String BASIC_USER_PASS =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("proxy-user:proxy-Pa55".getBytes(StandardCharsets.UTF_8));

  private WireMockServer proxy;

  @BeforeEach
  void startProxy() {
    proxy = new WireMockServer(wireMockConfig().dynamicPort());
    proxy.start();
  }

  @AfterEach
  void stopProxy() {
    proxy.stop();
  }

  @Test
  void sendsEveryCallToTheProxyNamingTheTargetHost() {
    proxy.stubFor(any(anyUrl()).willReturn(ok("via proxy")));
    ApiResponse response =
        FastCalls.get(
            through(ProxyOptions.builder().host("localhost").port(proxy.port()).build()), TARGET);
    assertThat(response.bodyText()).isEqualTo("via proxy");
    LoggedRequest seen = onlyRequest();
    assertThat(seen.getHeader("Host")).isEqualTo("target.invalid:8443");
    assertThat(seen.getAbsoluteUrl()).isEqualTo(TARGET.toString());
    assertThat(seen.containsHeader("Proxy-Authorization")).isFalse();
  }

  @Test
  void writesAbsoluteFormRequestLineToTheProxy() {
    try (RecordingProxy raw =
        RecordingProxy.answering(
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")) {
      ApiResponse response =
          FastCalls.get(
              through(ProxyOptions.builder().host("127.0.0.1").port(raw.port()).build()), TARGET);
      assertThat(response.bodyText()).isEqualTo("ok");
      assertThat(raw.heads())
          .singleElement()
          .satisfies(
              head -> {
                assertThat(head.get(0))
                    .isEqualTo("GET http://target.invalid:8443/things?api-version=1 HTTP/1.1");
                assertThat(head).contains("Host: target.invalid:8443");
              });
    }
  }

  @Test
  void tunnelsHttpsThroughConnectWithoutPreemptiveCredentials() {
    try (RecordingProxy raw =
        RecordingProxy.answering(
            "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
      ProxyOptions options =
          ProxyOptions.builder()
              .host("127.0.0.1")
              .port(raw.port())
              .username("proxy-user")
              .password(Secret.of("proxy-Pa55"))
              .build();
      Throwable thrown =
          catchThrowable(
              () -> FastCalls.get(through(options), HttpUrl.get("https://target.invalid/secrets")));
      assertThat(thrown).isInstanceOf(TransportException.class);
      assertThat(((TransportException) thrown).mayHaveReachedServer()).isFalse();
      assertThat(thrown.getMessage()).doesNotContain("proxy-Pa55");
      assertThat(raw.heads())
          .singleElement()
          .satisfies(
              head -> {
                assertThat(head.get(0)).isEqualTo("CONNECT target.invalid:443 HTTP/1.1");
                assertThat(head).noneMatch(line -> line.startsWith("Proxy-Authorization"));
                assertThat(String.join("\n", head)).doesNotContain("/secrets");
              });
    }
  }

  @Test
  void answersBasicProxyChallengeWithCredentialsOnTheRetry() {
    stubProxyRequiringBasicAuth();
    ApiResponse response = FastCalls.get(through(authenticatedProxy()), TARGET);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("authenticated");
    proxy.verify(2, getRequestedFor(urlEqualTo("/things?api-version=1")));
    proxy.verify(1, getRequestedFor(anyUrl()).withHeader("Proxy-Authorization", absent()));
    proxy.verify(
        1, getRequestedFor(anyUrl()).withHeader("Proxy-Authorization", equalTo(BASIC_USER_PASS)));
  }

  @Test
  void resendsARotationAfterA407BecauseTheProxyForwardedNothing() {
    stubProxyRequiringBasicAuth();
    try (HttpPipeline pipeline = HttpPipeline.builder(through(authenticatedProxy())).build()) {
      ApiResponse response =
          pipeline.send(
              ApiRequest.post(
                      TARGET,
                      "{\"rotate\":true}".getBytes(StandardCharsets.UTF_8),
                      "application/json")
                  .build());
      assertThat(response.bodyText()).isEqualTo("authenticated");
    }
    proxy.verify(
        1,
        postRequestedFor(anyUrl())
            .withHeader("Proxy-Authorization", equalTo(BASIC_USER_PASS))
            .withRequestBody(equalTo("{\"rotate\":true}")));
  }

  @Test
  void givesUpAfterOneAuthenticationAttemptWhenProxyRefusesTheCredentials() {
    proxy.stubFor(
        any(anyUrl())
            .willReturn(status(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
    Throwable thrown = catchThrowable(() -> FastCalls.get(through(authenticatedProxy()), TARGET));
    assertThat(thrown).isInstanceOf(ServiceException.class);
    assertThat(((ServiceException) thrown).statusCode()).isEqualTo(407);
    assertThat(thrown.getMessage())
        .doesNotContain("proxy-Pa55")
        .doesNotContain(BASIC_USER_PASS.substring(6));
    assertThat(proxy.getAllServeEvents()).hasSize(2);
  }

  @Test
  void keepsThePasswordFromAProxyThatAsksForAnotherScheme() {
    proxy.stubFor(
        any(anyUrl())
            .willReturn(
                status(407)
                    .withHeader("Proxy-Authenticate", "Digest realm=\"proxy\", nonce=\"n1\"")));
    Throwable thrown = catchThrowable(() -> FastCalls.get(through(authenticatedProxy()), TARGET));
    assertThat(((ServiceException) thrown).statusCode()).isEqualTo(407);
    assertThat(onlyRequest().containsHeader("Proxy-Authorization")).isFalse();
  }

  @Test
  void sendsNoCredentialsWhenNoneAreConfigured() {
    stubProxyRequiringBasicAuth();
    Throwable thrown =
        catchThrowable(
            () ->
                FastCalls.get(
                    through(ProxyOptions.builder().host("localhost").port(proxy.port()).build()),
                    TARGET));
    assertThat(((ServiceException) thrown).statusCode()).isEqualTo(407);
    assertThat(onlyRequest().containsHeader("Proxy-Authorization")).isFalse();
  }

  @Test
  void rejectsPortOutsideTcpRange() {
    for (int port : new int[] {0, -1, 65536}) {
      Throwable thrown =
          catchThrowable(() -> ProxyOptions.builder().host("proxy.example").port(port).build());
      assertThat(thrown)
          .isInstanceOf(ValidationException.class)
          .hasMessage("proxy.port \"" + port + "\" must be between 1 and 65535");
    }
    assertThat(ProxyOptions.builder().host("proxy.example").port(65535).build().port())
        .isEqualTo(65535);
    assertThat(ProxyOptions.builder().host("proxy.example").port(1).build().port()).isEqualTo(1);
  }

  @Test
  void rejectsPasswordWithoutUserName() {
    Throwable thrown =
        catchThrowable(
            () ->
                ProxyOptions.builder()
                    .host("proxy.example")
                    .port(3128)
                    .password(Secret.of("proxy-Pa55"))
                    .build());
    assertThat(thrown).isInstanceOf(ValidationException.class);
    assertThat(((ValidationException) thrown).field()).isEqualTo("proxy.username");
    assertThat(thrown.getMessage()).doesNotContain("proxy-Pa55");
  }

  @Test
  void showsNoProxyPasswordInToString() {
    assertThat(authenticatedProxy().toString()).doesNotContain("proxy-Pa55").contains("proxy-user");
  }

  private void stubProxyRequiringBasicAuth() {
    proxy.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(status(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
    proxy.stubFor(
        any(anyUrl())
            .atPriority(1)
            .withHeader("Proxy-Authorization", equalTo(BASIC_USER_PASS))
            .willReturn(ok("authenticated")));
  }

  private ProxyOptions authenticatedProxy() {
    return ProxyOptions.builder()
        .host("localhost")
        .port(proxy.port())
        .username("proxy-user")
        .password(Secret.of("proxy-Pa55"))
        .build();
  }

  private static ClientOptions through(ProxyOptions proxyOptions) {
    return FastCalls.options().proxy(proxyOptions).build();
  }

  private LoggedRequest onlyRequest() {
    List<LoggedRequest> all =
        proxy.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
