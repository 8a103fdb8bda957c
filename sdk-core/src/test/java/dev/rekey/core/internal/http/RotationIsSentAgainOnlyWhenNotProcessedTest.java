package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.rekey.core.test.WireMockSequences.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.ServiceException;
import dev.rekey.core.TransportException;
import dev.rekey.core.internal.http.ApiRequest.Repeatability;
import dev.rekey.core.test.FakeTime;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 1 of the incumbent: a rotation (a NOT_REPEATABLE POST) is re-sent only when the server
 * provably did not process it; otherwise the caller gets {@link OutcomeUnknownException}.
 */
@WireMockTest
class RotationIsSentAgainOnlyWhenNotProcessedTest {
  private final FakeTime time = new FakeTime();
  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
  }

  /**
   * Patient enough for a loaded machine; the read-timeout test alone waits less than its server.
   */
  private HttpPipeline pipeline() {
    return pipeline(Duration.ofSeconds(10));
  }

  private HttpPipeline pipeline(Duration readTimeout) {
    return HttpPipeline.builder(
            ClientOptions.builder()
                .timeSource(time)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(readTimeout)
                .build())
        .random(() -> 0.5)
        .build();
  }

  private static ApiRequest.Builder rotation(String url) {
    return ApiRequest.post(
            HttpUrl.get(url),
            "{\"key\":\"k1\"}".getBytes(StandardCharsets.UTF_8),
            "application/json")
        .operationName("rotateKey");
  }

  private ApiResponse send(ApiRequest request) {
    try (HttpPipeline p = pipeline()) {
      return p.send(request);
    }
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 501, 502, 504, 507, 520, 524, 599, 408})
  void ambiguousStatusIsSentOnceAndOutcomeUnknown(int status) {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(status)));

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> send(rotation(base + "/rotate").build()));

    verify(1, postRequestedFor(urlPathEqualTo("/rotate")));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage()).contains("rotateKey", "HTTP " + status);
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            ServiceException.class, s -> assertThat(s.statusCode()).isEqualTo(status));
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void anAmbiguousAnswerNamesItsRequestIdInTheMessage() {
    // the id is what the service's support traces; the caller may only ever read the message
    stubFor(
        post("/rotate")
            .willReturn(aResponse().withStatus(500).withHeader("x-ms-request-id", "r-42")));

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> send(rotation(base + "/rotate").build()));

    assertThat(e.getMessage()).contains("rotateKey answered HTTP 500", "[request id r-42]");
  }

  @Test
  void unavailableWithoutRetryAfterIsSentOnceAndOutcomeUnknown() {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(503)));

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> send(rotation(base + "/rotate").build()));

    verify(1, postRequestedFor(urlPathEqualTo("/rotate")));
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            ServiceException.class, s -> assertThat(s.statusCode()).isEqualTo(503));
  }

  @Test
  void readTimeoutIsSentOnceAndOutcomeUnknown() {
    stubFor(post("/rotate").willReturn(ok().withFixedDelay(1500)));

    OutcomeUnknownException e;
    try (HttpPipeline p = pipeline(Duration.ofMillis(300))) {
      e =
          catchThrowableOfType(
              OutcomeUnknownException.class, () -> p.send(rotation(base + "/rotate").build()));
    }

    verify(1, postRequestedFor(urlPathEqualTo("/rotate")));
    assertThat(e.getCause()).isInstanceOf(IOException.class);
  }

  @Test
  void emptyResponseIsSentOnceAndOutcomeUnknown() {
    // Also shows OkHttp's own retryOnConnectionFailure is off: it would re-send after this fault.
    stubFor(post("/rotate").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> send(rotation(base + "/rotate").build()));

    verify(1, postRequestedFor(urlPathEqualTo("/rotate")));
    assertThat(e.getCause()).isInstanceOf(IOException.class);
  }

  @Test
  void garbageResponseIsSentOnceAndOutcomeUnknown() {
    stubFor(post("/rotate").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> send(rotation(base + "/rotate").build()));

    verify(1, postRequestedFor(urlPathEqualTo("/rotate")));
    assertThat(e.getCause()).isInstanceOf(IOException.class);
  }

  @Test
  void throttledRotationIsSentAgainAndSucceeds() {
    respondInOrder("POST", "/rotate", aResponse().withStatus(429), ok("rotated"));

    ApiResponse response = send(rotation(base + "/rotate").build());

    assertThat(response.bodyText()).isEqualTo("rotated");
    verify(2, postRequestedFor(urlPathEqualTo("/rotate")));
    assertThat(time.waits()).containsExactly(Duration.ofMillis(400));
  }

  @Test
  void unavailableWithRetryAfterIsSentAgainAndSucceeds() {
    respondInOrder(
        "POST",
        "/rotate",
        aResponse().withStatus(503).withHeader("Retry-After", "3"),
        ok("rotated"));

    ApiResponse response = send(rotation(base + "/rotate").build());

    assertThat(response.bodyText()).isEqualTo("rotated");
    verify(2, postRequestedFor(urlPathEqualTo("/rotate")));
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void connectionRefusedIsSentAgainUpToMaxAttemptsThenTransportFailure() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }

    TransportException e =
        catchThrowableOfType(
            TransportException.class,
            () -> send(rotation("http://127.0.0.1:" + closedPort + "/rotate").build()));

    assertThat(e.mayHaveReachedServer()).isFalse();
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(e.getCause()).isInstanceOf(IOException.class);
    assertThat(time.waits())
        .containsExactly(Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));
  }

  @Test
  void postMarkedRepeatableIsRetriedOnServerError() {
    respondInOrder(
        "POST", "/rotate", aResponse().withStatus(500), aResponse().withStatus(502), ok("done"));

    ApiResponse response =
        send(rotation(base + "/rotate").repeatability(Repeatability.REPEATABLE).build());

    assertThat(response.bodyText()).isEqualTo("done");
    verify(3, postRequestedFor(urlPathEqualTo("/rotate")));
  }

  @Test
  void repeatablePostAfterEmptyResponseIsRetried() {
    respondInOrder("POST", "/rotate", aResponse().withFault(Fault.EMPTY_RESPONSE), ok("done"));

    ApiResponse response =
        send(rotation(base + "/rotate").repeatability(Repeatability.REPEATABLE).build());

    assertThat(response.bodyText()).isEqualTo("done");
    verify(2, postRequestedFor(urlPathEqualTo("/rotate")));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 404, 409})
  void clientErrorIsServiceExceptionWithoutRetry(int status) {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(status)));

    ServiceException e =
        catchThrowableOfType(
            ServiceException.class, () -> send(rotation(base + "/rotate").build()));

    assertThat(e).isExactlyInstanceOf(ServiceException.class);
    assertThat(e.statusCode()).isEqualTo(status);
    verify(1, postRequestedFor(urlPathEqualTo("/rotate")));
  }

  @Test
  void throttledToTheLastAttemptIsServiceExceptionNotOutcomeUnknown() {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

    ServiceException e =
        catchThrowableOfType(
            ServiceException.class, () -> send(rotation(base + "/rotate").build()));

    assertThat(e.statusCode()).isEqualTo(429);
    verify(4, postRequestedFor(urlPathEqualTo("/rotate")));
  }
}
