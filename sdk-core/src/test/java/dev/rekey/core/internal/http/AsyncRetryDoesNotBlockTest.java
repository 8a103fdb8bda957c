package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
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
import dev.rekey.core.test.Eventually;
import dev.rekey.core.test.FakeTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sendAsync} makes the same decisions as {@code send} and waits without holding a thread.
 */
@WireMockTest
class AsyncRetryDoesNotBlockTest {
  private final FakeTime time = new FakeTime();
  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
  }

  private HttpPipeline pipeline() {
    return HttpPipeline.builder(
            ClientOptions.builder().timeSource(time).readTimeout(Duration.ofSeconds(10)).build())
        .random(() -> 0.5)
        .build();
  }

  private ApiRequest rotation() {
    return ApiRequest.post(
            HttpUrl.get(base + "/rotate"),
            "{}".getBytes(StandardCharsets.UTF_8),
            "application/json")
        .build();
  }

  @Test
  void throttledCallWaitsOnAFutureThenRetriesAndSucceeds() throws Exception {
    respondInOrder(
        "POST",
        "/rotate",
        aResponse().withStatus(429).withHeader("Retry-After", "7"),
        ok("rotated"));
    time.holdDelays();

    try (HttpPipeline p = pipeline()) {
      CompletableFuture<ApiResponse> result = p.sendAsync(rotation());

      awaitPendingDelay();
      // Waiting to retry: one request sent, the future open, and no thread asleep in the clock.
      assertThat(result).isNotDone();
      assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(1);
      assertThat(time.blockingSleeps()).isZero();

      time.releaseNextDelay();
      ApiResponse response = result.get(10, TimeUnit.SECONDS);

      assertThat(response.bodyText()).isEqualTo("rotated");
    }
    verify(2, anyRequestedFor(anyUrl()));
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(7));
    assertThat(time.blockingSleeps()).isZero();
  }

  @Test
  void cancellingWhileWaitingStopsFurtherAttempts() throws Exception {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
    time.holdDelays();

    OkHttpClient ownClient = new OkHttpClient();
    try (HttpPipeline p =
        HttpPipeline.builder(
                ClientOptions.builder().timeSource(time).okHttpClient(ownClient).build())
            .build()) {
      CompletableFuture<ApiResponse> result = p.sendAsync(rotation());
      awaitPendingDelay();
      result.cancel(false);
      time.releaseNextDelay().get(10, TimeUnit.SECONDS);
      // The retry would have been enqueued by now; once the dispatcher is idle, it would be on the
      // wire.
      Eventually.await(
          "the dispatcher is idle",
          () ->
              ownClient.dispatcher().runningCallsCount() + ownClient.dispatcher().queuedCallsCount()
                  == 0);
    } finally {
      ownClient.dispatcher().executorService().shutdown();
    }
    verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void ambiguousRotationFailureCompletesWithOutcomeUnknown() {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(502)));

    ExecutionException e;
    try (HttpPipeline p = pipeline()) {
      e =
          catchThrowableOfType(
              ExecutionException.class, () -> p.sendAsync(rotation()).get(10, TimeUnit.SECONDS));
    }

    assertThat(e.getCause()).isInstanceOf(OutcomeUnknownException.class);
    assertThat(e.getCause().getCause())
        .isInstanceOfSatisfying(
            ServiceException.class, s -> assertThat(s.statusCode()).isEqualTo(502));
    verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void droppedRotationAnswerCompletesWithOutcomeUnknown() {
    stubFor(post("/rotate").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    ExecutionException e;
    try (HttpPipeline p = pipeline()) {
      e =
          catchThrowableOfType(
              ExecutionException.class, () -> p.sendAsync(rotation()).get(10, TimeUnit.SECONDS));
    }

    assertThat(e.getCause()).isInstanceOf(OutcomeUnknownException.class);
    assertThat(e.getCause().getCause()).isInstanceOf(IOException.class);
    verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void retriesAfterARealTimeDelay() throws Exception {
    respondInOrder(
        "POST",
        "/rotate",
        aResponse().withStatus(503).withHeader("retry-after-ms", "50"),
        ok("rotated"));

    try (HttpPipeline p =
        HttpPipeline.builder(ClientOptions.builder().readTimeout(Duration.ofSeconds(5)).build())
            .build()) {
      CompletableFuture<ApiResponse> result = p.sendAsync(rotation());
      assertThat(result.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("rotated");
    }
    verify(2, anyRequestedFor(anyUrl()).withUrl("/rotate"));
  }

  private void awaitPendingDelay() {
    Eventually.await("the pipeline asks to wait", () -> time.pendingDelays() > 0);
  }
}
