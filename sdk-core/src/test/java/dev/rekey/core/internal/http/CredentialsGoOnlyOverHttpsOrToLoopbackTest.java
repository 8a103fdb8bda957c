package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ProxyOptions;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.auth.Authentication;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A credential goes over https, or over plain http only to a loopback host (an emulator, a test),
 * and never to a URL carrying a user name or password. The builders refuse such an endpoint before
 * any I/O; the pipeline refuses to send a credential there whatever built the URL. The "proxy" is a
 * loopback WireMock that records whatever reaches it, so a call that went out would show.
 */
class CredentialsGoOnlyOverHttpsOrToLoopbackTest {
  private static final HttpUrl CLEARTEXT_ELSEWHERE = HttpUrl.get("http://vault.example/secrets/s");

  private WireMockServer proxy;

  @BeforeEach
  void startProxy() {
    proxy = new WireMockServer(wireMockConfig().dynamicPort());
    proxy.start();
    proxy.stubFor(any(anyUrl()).willReturn(ok("answered")));
  }

  @AfterEach
  void stopProxy() {
    proxy.stop();
  }

  private HttpPipeline throughProxy(Authentication auth) {
    ClientOptions options =
        FastCalls.options()
            .proxy(ProxyOptions.builder().host("localhost").port(proxy.port()).build())
            .build();
    return HttpPipeline.builder(options).authentication(auth).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://vault.example", "http://127.evil.example", "http://10.0.0.5"})
  void anEndpointOnPlainHttpToAnotherHostIsRefusedBeforeAnyIo(String endpoint) {
    assertThatThrownBy(() -> ClientOptions.builder().endpoint(URI.create(endpoint)).build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("endpoint"))
        .hasMessageContaining("must be an https URL (plain http only to a loopback host");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://vault.example",
        "http://localhost:8080",
        "http://127.0.0.1:9",
        "http://127.1.2.3",
        "http://[::1]:8080"
      })
  void httpsAnywhereAndPlainHttpToLoopbackAreAccepted(String endpoint) {
    assertThatCode(() -> ClientOptions.builder().endpoint(URI.create(endpoint)).build())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://admin:Pa55w0rd@vault.example", "http://admin:Pa55w0rd@localhost"})
  void anEndpointWithAUserNameAndPasswordIsRefusedWithoutShowingThem(String endpoint) {
    assertThatThrownBy(() -> ClientOptions.builder().endpoint(URI.create(endpoint)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("without a user name or password")
        .hasMessageNotContaining("Pa55w0rd")
        .hasMessageNotContaining("admin");
  }

  @Test
  void aPipelineNeverSendsItsCredentialOverPlainHttpToAnotherHost() {
    try (HttpPipeline pipeline =
        throughProxy(Authentication.basic("user", Secret.of("basic-Pa55")))) {
      assertThatThrownBy(() -> pipeline.send(ApiRequest.get(CLEARTEXT_ELSEWHERE).build()))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("url"))
          .hasMessageContaining("http://vault.example/secrets/s");
      assertThatThrownBy(
              () -> pipeline.sendAsync(ApiRequest.get(CLEARTEXT_ELSEWHERE).build()).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(ValidationException.class);
    }
    assertThat(proxy.getAllServeEvents()).isEmpty();
  }

  @Test
  void plainHttpToLoopbackThroughAProxyCarriesNoCredential() {
    try (HttpPipeline pipeline =
        throughProxy(Authentication.basic("user", Secret.of("basic-Pa55")))) {
      assertThatThrownBy(
              () -> pipeline.send(ApiRequest.get(HttpUrl.get("http://127.0.0.1:9/x")).build()))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("through a proxy");
    }
    assertThat(proxy.getAllServeEvents()).isEmpty();
  }

  @Test
  void aTokenThatCannotBeSentInAHeaderIsTheTokenSourcesFailureNotACrash() {
    // a token read from a file with its line break: OkHttp would refuse the header with an
    // IllegalArgumentException, and an async call would never complete
    try (HttpPipeline pipeline =
        HttpPipeline.builder(FastCalls.options().build())
            .authentication(
                Authentication.bearer(
                    () -> new AccessToken(Secret.of("tok\n"), Instant.now().plusSeconds(3600))))
            .build()) {
      ApiRequest call =
          ApiRequest.get(HttpUrl.get("http://127.0.0.1:" + proxy.port() + "/x")).build();
      assertThatThrownBy(() -> pipeline.send(call))
          .isInstanceOf(RekeyException.class)
          .hasMessageContaining("cannot be sent in a header");
      assertThat(pipeline.sendAsync(call))
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(RekeyException.class);
    }
    assertThat(proxy.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRequestsOwnAuthorizationHeaderCountsAsACredential() {
    try (HttpPipeline pipeline = throughProxy(Authentication.none())) {
      assertThatThrownBy(
              () ->
                  pipeline.send(
                      ApiRequest.get(CLEARTEXT_ELSEWHERE)
                          .header("Authorization", "SharedKey acct:signature")
                          .build()))
          .isInstanceOf(ValidationException.class);
      assertThat(pipeline.send(ApiRequest.get(CLEARTEXT_ELSEWHERE).build()).bodyText())
          .isEqualTo("answered"); // nothing to protect: a call without a credential goes
    }
    assertThat(proxy.getAllServeEvents()).hasSize(1);
  }

  @Test
  void loggedAndQuotedUrlsNeverShowAUserNameOrPassword() {
    assertThat(Redaction.url(HttpUrl.get("https://admin:Pa55w0rd@cluster1/api?fields=x")))
        .isEqualTo("https://cluster1/api?fields=x");
  }
}
