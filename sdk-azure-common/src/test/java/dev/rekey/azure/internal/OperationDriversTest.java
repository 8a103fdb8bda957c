package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.rekey.core.test.PollFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.Eventually;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.PollFixtures;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The single look, the future and cancellation, driven against an ARM operation. */
@WireMockTest
class OperationDriversTest {
  private static final String OP = "/operations/op1";
  private final FakeTime time = new FakeTime();

  @BeforeEach
  void accept() {
    stubFor(
        post("/rotate")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Azure-AsyncOperation", OP)
                    .withHeader("Location", "/result")));
    stubFor(get("/result").willReturn(okJson("{\"password\":\"p1\"}")));
  }

  private static void inProgressThen(String lastBody) {
    stubFor(
        get(OP)
            .inScenario("op")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"status\":\"InProgress\"}").withHeader("Retry-After", "2"))
            .willSetStateTo("done"));
    stubFor(get(OP).inScenario("op").whenScenarioStateIs("done").willReturn(okJson(lastBody)));
  }

  private Operation<String> begin(HttpPipeline pipeline, WireMockRuntimeInfo wm) {
    return ArmPolling.begin(
        pipeline, PollFixtures.begin(pipeline, wm, "/rotate"), PollFixtures.PASSWORD);
  }

  @Test
  void pollLooksOnceWithoutSleepingAndFetchesResultWhenDone(WireMockRuntimeInfo wm) {
    inProgressThen("{\"status\":\"Succeeded\"}");
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(op.poll()).isEmpty();
      assertThat(op.lastStatus()).isEqualTo("InProgress");
      verify(1, getRequestedFor(urlEqualTo(OP)));

      assertThat(op.poll()).contains("p1");
      assertThat(op.lastStatus()).isEqualTo("Succeeded");
      assertThat(op.poll()).contains("p1");
      assertThat(op.waitForCompletion()).isEqualTo("p1");
    }
    verify(2, getRequestedFor(urlEqualTo(OP)));
    verify(1, getRequestedFor(urlEqualTo("/result")));
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void futureCompletesWithResultAfterHonouringRetryAfter(WireMockRuntimeInfo wm) throws Exception {
    inProgressThen("{\"status\":\"Succeeded\"}");
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      CompletableFuture<String> future = op.toFuture();
      assertThat(op.toFuture()).isSameAs(future);
      assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("p1");
      assertThat(op.lastStatus()).isEqualTo("Succeeded");
    }
    verify(2, getRequestedFor(urlEqualTo(OP)));
    assertThat(time.waits()).isEqualTo(seconds(1, 2));
  }

  @Test
  void futureFailsWithOperationFailed(WireMockRuntimeInfo wm) {
    inProgressThen(
        "{\"status\":\"Canceled\",\"error\":{\"code\":\"OperationCanceled\",\"message\":\"by admin\"}}");
    try (HttpPipeline pipeline = pipeline(time)) {
      CompletableFuture<String> future = begin(pipeline, wm).toFuture();
      assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              OperationFailedException.class,
              e -> {
                assertThat(e.status()).isEqualTo("Canceled");
                assertThat(e.errorCode()).contains("OperationCanceled");
              });
      assertThat(future.isCancelled()).isFalse();
    }
    verify(0, getRequestedFor(urlEqualTo("/result")));
  }

  @Test
  void futureFailsWithPollingTimeoutNotCancellation(WireMockRuntimeInfo wm) {
    stubFor(get(OP).willReturn(okJson("{\"status\":\"InProgress\"}")));
    try (HttpPipeline pipeline = pipeline(time, timeoutAfter(Duration.ofSeconds(3)))) {
      Operation<String> op = begin(pipeline, wm);
      CompletableFuture<String> future = op.toFuture();
      assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              PollingTimeoutException.class,
              e -> {
                assertThat(e.operationId()).contains(op.id());
                assertThat(e.lastStatus()).isEqualTo("InProgress");
              });
      assertThat(future.isCancelled()).isFalse();
    }
    assertThat(time.waits()).isEqualTo(seconds(1, 1.5, 0.5));
  }

  @Test
  void cancelStopsLocalPollingAndCancelsTheFuture(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(OP).willReturn(okJson("{\"status\":\"InProgress\"}").withFixedDelay(300)));
    time.holdDelays();
    OkHttpClient ownClient = new OkHttpClient();
    try (HttpPipeline pipeline =
        HttpPipeline.builder(
                ClientOptions.builder().timeSource(time).okHttpClient(ownClient).build())
            .build()) {
      Operation<String> op = begin(pipeline, wm);
      CompletableFuture<String> future = op.toFuture();
      assertThat(op.cancel()).isTrue();
      assertThat(op.cancel()).isFalse();

      assertThat(future.isCancelled()).isTrue();
      assertThatThrownBy(op::waitForCompletion).isInstanceOf(CancellationException.class);
      assertThatThrownBy(op::poll).isInstanceOf(CancellationException.class);
      // Let every wait the poller had asked for end; had polling gone on, it would send and wait
      // again.
      while (time.pendingDelays() > 0) {
        time.releaseNextDelay().get(10, TimeUnit.SECONDS);
      }
      Eventually.await(
          "the dispatcher is idle",
          () ->
              ownClient.dispatcher().runningCallsCount() + ownClient.dispatcher().queuedCallsCount()
                  == 0);
      assertThat(time.pendingDelays()).isZero();
    } finally {
      ownClient.dispatcher().executorService().shutdown();
    }
    assertThat(findAll(getRequestedFor(urlEqualTo(OP)))).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void cancelAfterCompletionKeepsTheResult(WireMockRuntimeInfo wm) {
    inProgressThen("{\"status\":\"Succeeded\"}");
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(op.waitForCompletion()).isEqualTo("p1");
      assertThat(op.cancel()).isFalse();
      assertThat(op.poll()).contains("p1");
    }
  }

  @Test
  void completedOperationAnswersAtOnceWithoutPolling() throws Exception {
    Operation<String> op = Operation.completed("req-1", "v");
    assertThat(op.id()).isEqualTo("req-1");
    assertThat(op.lastStatus()).isEqualTo("Succeeded");
    assertThat(op.poll()).isEqualTo(Optional.of("v"));
    assertThat(op.waitForCompletion(Duration.ZERO)).isEqualTo("v");
    assertThat(op.toFuture().get()).isEqualTo("v");
    assertThat(op.cancel()).isFalse();
    assertThat(time.waits()).isEmpty();
  }
}
