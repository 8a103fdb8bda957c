package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.PollFixtures;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A status endpoint that answers {@code 202} with {@code Retry-After: 0} forever is polled at most
 * once per {@link PollingPolicy#minInterval()} (1 s by default), in the sync and the async driver;
 * a longer wait the service asks for is still honoured. Counted on the wire, over a 10 s window of
 * the fake clock.
 */
@WireMockTest
class PollsNeverSpinTest {
  private static final Duration WINDOW = Duration.ofSeconds(10);

  private final FakeTime time = new FakeTime();

  private static void statusAnswers202With(String retryAfter) {
    stubFor(
        post("/rotate")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "/ops/1")
                    .withHeader("Retry-After", retryAfter)));
    stubFor(
        get("/ops/1")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "/ops/1")
                    .withHeader("Retry-After", retryAfter)));
  }

  private Operation<String> begin(HttpPipeline pipeline, WireMockRuntimeInfo wm) {
    return ArmPolling.begin(
        pipeline, PollFixtures.begin(pipeline, wm, "/rotate"), PollFixtures.PASSWORD);
  }

  @Test
  void zeroRetryAfterForeverIsPolledOncePerSecond(WireMockRuntimeInfo wm) {
    statusAnswers202With("0");
    try (HttpPipeline pipeline = PollFixtures.pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(catchThrowable(() -> op.waitForCompletion(WINDOW)))
          .isInstanceOf(PollingTimeoutException.class);
    }
    verify(10, getRequestedFor(urlEqualTo("/ops/1")));
    assertThat(time.waits())
        .containsExactlyElementsOf(Collections.nCopies(10, Duration.ofSeconds(1)));
  }

  @Test
  void zeroRetryAfterForeverIsPolledOncePerSecondByTheFutureToo(WireMockRuntimeInfo wm) {
    statusAnswers202With("0");
    try (HttpPipeline pipeline = PollFixtures.pipeline(time, PollFixtures.timeoutAfter(WINDOW))) {
      Operation<String> op = begin(pipeline, wm);
      Throwable thrown = catchThrowable(() -> op.toFuture().get());
      assertThat(thrown)
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(PollingTimeoutException.class);
    }
    verify(10, getRequestedFor(urlEqualTo("/ops/1")));
  }

  @Test
  void aFloorChosenByTheCallerHolds(WireMockRuntimeInfo wm) {
    statusAnswers202With("0");
    PollingPolicy everyTwoSeconds =
        PollingPolicy.builder()
            .minInterval(Duration.ofSeconds(2))
            .initialInterval(Duration.ofSeconds(2))
            .build();
    try (HttpPipeline pipeline = PollFixtures.pipeline(time, everyTwoSeconds)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(catchThrowable(() -> op.waitForCompletion(WINDOW)))
          .isInstanceOf(PollingTimeoutException.class);
    }
    verify(5, getRequestedFor(urlEqualTo("/ops/1")));
  }

  @Test
  void longerServerWaitIsStillHonouredUpToTheCap(WireMockRuntimeInfo wm) {
    statusAnswers202With("3");
    try (HttpPipeline pipeline = PollFixtures.pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(catchThrowable(() -> op.waitForCompletion(WINDOW)))
          .isInstanceOf(PollingTimeoutException.class);
    }
    verify(4, getRequestedFor(urlEqualTo("/ops/1")));
    assertThat(time.waits())
        .containsExactly(
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofSeconds(3),
            Duration.ofSeconds(1));
  }
}
