package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.TimeSource;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.PollFixtures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wait for an operation ends at most one polling interval after its deadline, whatever its status
 * requests do: one that the service keeps asking to retry later, or one that never answers, ends
 * the wait as a polling timeout (the operation can be followed again), not as a status that could
 * not be read after every retry.
 */
@WireMockTest
class WaitsEndWithinOneIntervalOfTheirDeadlineTest {
  private static final String OP = "/operations/op1";
  private static final PollingPolicy THREE_SECONDS =
      PollingPolicy.builder()
          .timeout(Duration.ofSeconds(3))
          .maxInterval(Duration.ofSeconds(1))
          .build();

  @BeforeEach
  void accept() {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(202).withHeader("Location", OP)));
  }

  private static Operation<String> begin(HttpPipeline pipeline, WireMockRuntimeInfo wm) {
    return ArmPolling.begin(
        pipeline, PollFixtures.begin(pipeline, wm, "/rotate"), PollFixtures.PASSWORD);
  }

  private static void busyForTenSeconds() {
    stubFor(get(OP).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "10")));
  }

  @Test
  void statusRequestTheServiceDefersPastTheDeadlineEndsTheWaitAsTimeout(WireMockRuntimeInfo wm) {
    busyForTenSeconds();
    FakeTime time = new FakeTime();
    try (HttpPipeline pipeline = PollFixtures.pipeline(time, THREE_SECONDS)) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(op::waitForCompletion)
          .isInstanceOf(OutcomeUnknownException.class) // not learned yet: never "not applied"
          .isInstanceOfSatisfying(
              PollingTimeoutException.class, e -> assertThat(e.operationId()).contains(op.id()));
      verify(1, getRequestedFor(urlEqualTo(OP))); // no retry ten seconds later

      stubFor(get(OP).willReturn(okJson("{\"password\":\"p1\"}")));
      assertThat(op.waitForCompletion()).isEqualTo("p1"); // the operation is followed again
    }
  }

  @Test
  void futureOfAStatusRequestDeferredPastTheDeadlineFailsAsTimeout(WireMockRuntimeInfo wm) {
    busyForTenSeconds();
    FakeTime time = new FakeTime();
    try (HttpPipeline pipeline = PollFixtures.pipeline(time, THREE_SECONDS)) {
      Operation<String> op = begin(pipeline, wm);
      CompletableFuture<String> future = op.toFuture();
      assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(PollingTimeoutException.class);
    }
    verify(1, getRequestedFor(urlEqualTo(OP)));
  }

  @Test
  void statusRequestThatNeverAnswersIsCutOneIntervalAfterTheDeadline(WireMockRuntimeInfo wm) {
    stubFor(get(OP).willReturn(okJson("{\"status\":\"InProgress\"}").withFixedDelay(3_000)));
    try (HttpPipeline pipeline =
        HttpPipeline.builder(
                ClientOptions.builder()
                    .timeSource(TimeSource.system())
                    .pollingPolicy(
                        PollingPolicy.builder()
                            .timeout(Duration.ofMillis(100))
                            .initialInterval(Duration.ofMillis(50))
                            .maxInterval(Duration.ofMillis(200))
                            .build())
                    .readTimeout(Duration.ofSeconds(1)) // would time out, and be retried, at 1 s
                    .build())
            .build()) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(op::waitForCompletion).isInstanceOf(PollingTimeoutException.class);
    }
    verify(1, getRequestedFor(urlEqualTo(OP)));
  }

  @Test
  void aWaitOfCenturiesPollsAsAnyOther(WireMockRuntimeInfo wm) {
    stubFor(get(OP).willReturn(okJson("{\"password\":\"p1\"}")));
    try (HttpPipeline pipeline = PollFixtures.pipeline(new FakeTime(), THREE_SECONDS)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(op.waitForCompletion(Duration.ofDays(365L * 300))).isEqualTo("p1");
    }
  }
}
