package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.rekey.core.test.WireMockSequences.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ServiceException;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.core.test.FakeTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lesson 2 of the incumbent: every form of a server's requested wait is honoured, and capped. */
@WireMockTest
class RetriesAfterServerWaitTest {
  private final FakeTime time = new FakeTime();
  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
  }

  private HttpPipeline pipeline(RetryPolicy policy) {
    return HttpPipeline.builder(
            ClientOptions.builder()
                .timeSource(time)
                .retryPolicy(policy)
                .readTimeout(Duration.ofSeconds(5))
                .build())
        .random(() -> 0.5)
        .build();
  }

  private ApiResponse get(RetryPolicy policy) {
    try (HttpPipeline p = pipeline(policy)) {
      return p.send(ApiRequest.get(HttpUrl.get(base + "/r")).build());
    }
  }

  @Test
  void retriesThrottledCallAfterRetryAfterSeconds() {
    respondInOrder(
        "GET", "/r", aResponse().withStatus(429).withHeader("Retry-After", "7"), ok("done"));

    ApiResponse response = get(RetryPolicy.defaults());

    assertThat(response.bodyText()).isEqualTo("done");
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(7));
    verify(2, getRequestedFor(urlPathEqualTo("/r")));
  }

  @Test
  void retriesUnavailableCallAtRetryAfterHttpDateMeasuredFromTheClock() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.now().plusSeconds(12).atOffset(ZoneOffset.UTC));
    respondInOrder(
        "GET", "/r", aResponse().withStatus(503).withHeader("Retry-After", date), ok("done"));

    get(RetryPolicy.defaults());

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(12));
    verify(2, getRequestedFor(urlPathEqualTo("/r")));
  }

  @Test
  void pastHttpDateMeansRetryAfterTheFloor() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.now().minusSeconds(30).atOffset(ZoneOffset.UTC));
    respondInOrder(
        "GET", "/r", aResponse().withStatus(503).withHeader("Retry-After", date), ok("done"));

    get(RetryPolicy.defaults());

    assertThat(time.waits()).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void retriesAfterRetryAfterMs() {
    respondInOrder(
        "GET", "/r", aResponse().withStatus(429).withHeader("retry-after-ms", "1500"), ok("done"));

    get(RetryPolicy.defaults());

    assertThat(time.waits()).containsExactly(Duration.ofMillis(1500));
    verify(2, getRequestedFor(urlPathEqualTo("/r")));
  }

  @Test
  void retriesAfterMicrosoftRetryAfterMs() {
    respondInOrder(
        "GET",
        "/r",
        aResponse().withStatus(503).withHeader("x-ms-retry-after-ms", "250"),
        ok("done"));

    get(RetryPolicy.defaults());

    assertThat(time.waits()).containsExactly(Duration.ofMillis(250));
    verify(2, getRequestedFor(urlPathEqualTo("/r")));
  }

  @Test
  void millisecondHeaderWinsOverRetryAfter() {
    respondInOrder(
        "GET",
        "/r",
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "9")
            .withHeader("retry-after-ms", "400"),
        ok("done"));

    get(RetryPolicy.defaults());

    assertThat(time.waits()).containsExactly(Duration.ofMillis(400));
  }

  @Test
  void capsServerWaitAtMaxServerDelay() {
    respondInOrder(
        "GET", "/r", aResponse().withStatus(429).withHeader("Retry-After", "3600"), ok("done"));

    get(RetryPolicy.builder().maxServerDelay(Duration.ofSeconds(10)).build());

    assertThat(time.waits()).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void unparseableRetryAfterFallsBackToBackoff() {
    respondInOrder(
        "GET",
        "/r",
        aResponse().withStatus(503).withHeader("Retry-After", "soon, maybe"),
        aResponse().withStatus(429).withHeader("Retry-After", "1.5"),
        aResponse().withStatus(429).withHeader("retry-after-ms", "-3"),
        ok("done"));

    ApiResponse response = get(RetryPolicy.defaults());

    assertThat(response.statusCode()).isEqualTo(200);
    // 800 ms base, jitter 0.5: 400, 800, 1600 ms.
    assertThat(time.waits())
        .containsExactly(Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1600));
    verify(4, getRequestedFor(urlPathEqualTo("/r")));
  }

  @Test
  void serverAskingForNoWaitIsStillOneAttemptOfOurs() {
    // OkHttp itself silently repeats a call answered 503 with "Retry-After: 0"; retry must stay
    // ours.
    respondInOrder("POST", "/rotate", aResponse().withStatus(503).withHeader("Retry-After", "0"));

    ServiceException e;
    try (HttpPipeline p = pipeline(RetryPolicy.none())) {
      e =
          catchThrowableOfType(
              ServiceException.class,
              () ->
                  p.send(
                      ApiRequest.post(
                              HttpUrl.get(base + "/rotate"),
                              "{}".getBytes(StandardCharsets.UTF_8),
                              "application/json")
                          .build()));
    }

    assertThat(e.statusCode()).isEqualTo(503);
    verify(1, postRequestedFor(urlPathEqualTo("/rotate")));
  }

  @Test
  void zeroRetryAfterCountsEachSendAgainstMaxAttempts() {
    respondInOrder("GET", "/r", aResponse().withStatus(503).withHeader("Retry-After", "0"));

    ServiceException e =
        catchThrowableOfType(
            ServiceException.class, () -> get(RetryPolicy.builder().maxAttempts(3).build()));

    assertThat(e.statusCode()).isEqualTo(503);
    // Retry-After: 0 is raised to the policy's floor: a throttled service is never asked at once.
    assertThat(time.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    verify(3, getRequestedFor(urlPathEqualTo("/r")));
  }

  @Test
  void throttledCallWithoutAWaitAndZeroJitterStillWaitsTheFloor() {
    respondInOrder(
        "GET", "/r", aResponse().withStatus(429), aResponse().withStatus(503), ok("done"));

    try (HttpPipeline p =
        HttpPipeline.builder(ClientOptions.builder().timeSource(time).build())
            .random(() -> 0.0)
            .build()) {
      p.send(ApiRequest.get(HttpUrl.get(base + "/r")).build());
    }

    assertThat(time.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
  }
}
