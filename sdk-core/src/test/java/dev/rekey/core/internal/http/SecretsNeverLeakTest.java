package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.TransportException;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.test.Canary;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.LogCapture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lesson 5 of the incumbent: at the most verbose log level, with secrets in every place a call can
 * carry them, no secret reaches a log line, an exception message or a {@code toString}.
 */
@WireMockTest
class SecretsNeverLeakTest {
  /**
   * The test server's own loggers; what WireMock and Jetty write about what they received is not
   * ours.
   */
  private static final String[] SERVER_LOGGERS = {
    "org.eclipse.jetty", "com.github.tomakehurst", "wiremock", "WireMock"
  };

  @RegisterExtension final LogCapture logs = new LogCapture();

  private final Canary token = Canary.named("token");
  private final Canary password = Canary.named("password");
  private final Canary requestBody = Canary.named("request-body");
  private final Canary responseBody = Canary.named("response-body");
  private final Canary keyHeader = Canary.named("key-header");
  private final Canary signature = Canary.named("sig");
  private final Canary errorBody = Canary.named("error-body");
  private final List<Canary> all =
      List.of(token, password, requestBody, responseBody, keyHeader, signature, errorBody);

  private final List<String> rendered = new ArrayList<>();
  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
  }

  private HttpPipeline pipeline(Authentication auth, HttpLogLevel level) {
    return HttpPipeline.builder(
            ClientOptions.builder()
                .timeSource(new FakeTime())
                .logLevel(level)
                .readTimeout(Duration.ofSeconds(10))
                .build())
        .authentication(auth)
        .random(() -> 0.5)
        .build();
  }

  private Authentication bearer() {
    return Authentication.bearer(
        () ->
            new AccessToken(
                Secret.of(token.value()), java.time.Instant.parse("2026-01-01T01:00:00Z")));
  }

  private ApiRequest credentialCall(String path) {
    return ApiRequest.post(
            HttpUrl.get(base + path)
                .newBuilder()
                .addQueryParameter("sig", signature.value())
                .addQueryParameter("api-version", "2024-01-01")
                .build(),
            ("{\"password\":\"" + requestBody.value() + "\"}").getBytes(StandardCharsets.UTF_8),
            "application/json")
        .header("x-ms-key", keyHeader.value())
        .build();
  }

  private void render(Object o) {
    rendered.add(String.valueOf(o));
    if (o instanceof Throwable t) {
      rendered.addAll(Canary.describeChain(t));
    }
  }

  @Test
  void noSecretReachesLogsMessagesOrToString() throws IOException {
    stubFor(
        post(urlPathEqualTo("/ok"))
            .willReturn(okJson("{\"newKey\":\"" + responseBody.value() + "\"}")));
    stubFor(
        get(urlPathEqualTo("/basic"))
            .willReturn(okJson("{\"k\":\"" + responseBody.value() + "\"}")));
    stubFor(
        post(urlPathEqualTo("/missing"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"" + errorBody.value() + "\"}}")));
    stubFor(
        post(urlPathEqualTo("/boom"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/plain")
                    .withBody(errorBody.value())));
    stubFor(post(urlPathEqualTo("/drop")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }

    try (HttpPipeline p = pipeline(bearer(), HttpLogLevel.BODY)) {
      ApiRequest ok = credentialCall("/ok");
      render(ok);
      render(p.send(ok));
      render(p.sendAsync(credentialCall("/ok")).join());
      render(
          catchThrowableOfType(ServiceException.class, () -> p.send(credentialCall("/missing"))));
      render(
          catchThrowableOfType(
              OutcomeUnknownException.class, () -> p.send(credentialCall("/boom"))));
      render(
          catchThrowableOfType(
              OutcomeUnknownException.class, () -> p.send(credentialCall("/drop"))));
      ApiRequest refused =
          ApiRequest.get(
                  HttpUrl.get("http://127.0.0.1:" + closedPort + "/x?sig=" + signature.value()))
              .header("x-ms-key", keyHeader.value())
              .build();
      render(catchThrowableOfType(TransportException.class, () -> p.send(refused)));
      render(p.sendAsync(credentialCall("/boom")).handle((r, e) -> e).join());
      render(p);
    }
    Authentication basic = Authentication.basic("admin", Secret.of(password.value()));
    render(basic);
    render(bearer());
    try (HttpPipeline p = pipeline(basic, HttpLogLevel.BODY)) {
      render(p.send(ApiRequest.get(HttpUrl.get(base + "/basic?sig=" + signature.value())).build()));
    }
    render(new AccessToken(Secret.of(token.value()), java.time.Instant.EPOCH));

    List<String> ourLogs = logs.linesExceptFrom(SERVER_LOGGERS);
    assertThat(logs.linesOf("dev.rekey.http"))
        .as("the sweep must exercise the HTTP logger")
        .isNotEmpty();
    assertThat(String.join("\n", ourLogs))
        .contains("sig=****", "x-ms-key: ****", "Authorization: ****");
    for (Canary c : all) {
      c.assertAbsentFrom("captured logs", ourLogs);
      c.assertAbsentFrom("messages and toString", rendered);
    }
  }

  @Test
  void tokenSourceFailureDoesNotEchoItsMessage() {
    Canary inError = Canary.named("token-error");
    stubFor(get(urlPathEqualTo("/r")).willReturn(okJson("{}")));
    try (HttpPipeline p =
        pipeline(
            Authentication.bearer(
                () -> {
                  throw new IllegalStateException("bad secret " + inError.value());
                }),
            HttpLogLevel.BODY)) {
      RekeyException e =
          catchThrowableOfType(
              RekeyException.class, () -> p.send(ApiRequest.get(HttpUrl.get(base + "/r")).build()));
      inError.assertAbsentFrom("exception message", String.valueOf(e.getMessage()));
    }
  }

  @Test
  void bodyOfCallMarkedFreeOfSecretsIsLoggedAtBodyLevel() {
    stubFor(
        post(urlPathEqualTo("/list")).willReturn(okJson("{\"names\":[\"visible-response-7\"]}")));
    try (HttpPipeline p = pipeline(Authentication.none(), HttpLogLevel.BODY)) {
      p.send(
          ApiRequest.post(
                  HttpUrl.get(base + "/list"),
                  "{\"q\":\"visible-request-7\"}".getBytes(StandardCharsets.UTF_8),
                  "application/json")
              .carriesNoSecrets()
              .build());
    }

    assertThat(String.join("\n", logs.linesOf("dev.rekey.http")))
        .contains("visible-request-7", "visible-response-7");
  }

  @Test
  void credentialCallBodiesAreNotLoggedEvenAtBodyLevel() {
    stubFor(
        post(urlPathEqualTo("/ok"))
            .willReturn(okJson("{\"newKey\":\"" + responseBody.value() + "\"}")));
    try (HttpPipeline p = pipeline(Authentication.none(), HttpLogLevel.BODY)) {
      p.send(credentialCall("/ok"));
    }

    String http = String.join("\n", logs.linesOf("dev.rekey.http"));
    assertThat(http).contains("(body not logged");
    requestBody.assertAbsentFrom("http log", http);
    responseBody.assertAbsentFrom("http log", http);
  }

  @Test
  void headersAreLoggedAtHeadersLevelWithAuthorizationMasked() {
    stubFor(
        get(urlPathEqualTo("/r")).willReturn(okJson("{}").withHeader("x-ms-request-id", "rid-42")));
    try (HttpPipeline p = pipeline(bearer(), HttpLogLevel.HEADERS)) {
      p.send(
          ApiRequest.get(HttpUrl.get(base + "/r")).header("x-ms-key", keyHeader.value()).build());
    }

    String http = String.join("\n", logs.linesOf("dev.rekey.http"));
    assertThat(http)
        .contains(
            "Authorization: ****",
            "x-ms-key: ****",
            "x-ms-request-id: rid-42",
            "User-Agent: rekey-java/");
    token.assertAbsentFrom("http log", http);
    keyHeader.assertAbsentFrom("http log", http);
  }

  @Test
  void aUrlInAResponseHeaderIsLoggedWithItsQueryValuesMasked() {
    // an operation or redirect URL may carry a signature (SAS sig=, ARM's s= and c=)
    stubFor(
        get(urlPathEqualTo("/r"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader(
                        "Azure-AsyncOperation",
                        base + "/ops/1?api-version=2023-01-01&sig=RKYCANARYsig0001")));
    try (HttpPipeline p = pipeline(bearer(), HttpLogLevel.HEADERS)) {
      p.send(ApiRequest.get(HttpUrl.get(base + "/r")).build());
    }

    String http = String.join("\n", logs.linesOf("dev.rekey.http"));
    assertThat(http)
        .contains("Azure-AsyncOperation: " + base + "/ops/1?api-version=2023-01-01&sig=****")
        .doesNotContain("RKYCANARYsig0001");
  }

  @Test
  void basicLevelLogsNoHeaders() {
    stubFor(
        get(urlPathEqualTo("/r")).willReturn(okJson("{}").withHeader("x-ms-request-id", "rid-42")));
    try (HttpPipeline p = pipeline(bearer(), HttpLogLevel.BASIC)) {
      p.send(ApiRequest.get(HttpUrl.get(base + "/r")).build());
    }

    String http = String.join("\n", logs.linesOf("dev.rekey.http"));
    assertThat(http).contains("--> GET", "<-- 200").doesNotContain("rid-42", "Authorization");
  }
}
