package dev.rekey.ontap.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.rekey.core.test.PollFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.ServiceException;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.PollFixtures;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class JobPollingTest {
  private static final String UUID = "b89bc5dd-94a3-11e8-a7a3-0050568edf84";
  private static final String JOB = "/api/cluster/jobs/" + UUID;
  private final FakeTime time = new FakeTime();

  @BeforeEach
  void accept() {
    stubFor(
        post("/api/security/accounts")
            .willReturn(
                jsonResponse(
                    "{\"job\":{\"uuid\":\""
                        + UUID
                        + "\",\"_links\":{\"self\":{\"href\":\"/api/cluster/jobs/"
                        + UUID
                        + "\"}}}}",
                    202)));
  }

  private static void states(String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      var stub =
          get(urlEqualTo(JOB))
              .inScenario("job")
              .whenScenarioStateIs(i == 0 ? STARTED : "s" + i)
              .willReturn(okJson(bodies[i]));
      stubFor(i + 1 < bodies.length ? stub.willSetStateTo("s" + (i + 1)) : stub);
    }
  }

  private Operation<String> begin(HttpPipeline pipeline, WireMockRuntimeInfo wm) {
    return JobPolling.begin(
        pipeline,
        url(wm, "/"),
        PollFixtures.begin(pipeline, wm, "/api/security/accounts"),
        r -> Codecs.jsonTree(r.body()).path("message").asString());
  }

  @Test
  void ontapPollsJobUntilSuccessAndDecodesTheJob(WireMockRuntimeInfo wm) {
    states(
        "{\"uuid\":\"" + UUID + "\",\"state\":\"queued\"}",
        "{\"uuid\":\"" + UUID + "\",\"state\":\"running\",\"message\":\"working\"}",
        "{\"uuid\":\""
            + UUID
            + "\",\"state\":\"success\",\"message\":\"password changed\",\"code\":0}");
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(op.id()).isEqualTo(UUID);
      verify(0, getRequestedFor(urlEqualTo(JOB)));

      assertThat(op.waitForCompletion()).isEqualTo("password changed");
      assertThat(op.lastStatus()).isEqualTo("success");
    }
    verify(3, getRequestedFor(urlEqualTo(JOB)));
    assertThat(time.waits()).isEqualTo(seconds(1, 1.5, 2.25));
  }

  @Test
  void ontapFailureKeepsJobCodeAndMessage(WireMockRuntimeInfo wm) {
    states(
        "{\"state\":\"running\"}",
        "{\"state\":\"failure\",\"message\":\"Password does not meet policy\",\"code\":7077919,"
            + "\"error\":{\"code\":\"7077919\",\"message\":\"policy\"}}");
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isInstanceOfSatisfying(
              OperationFailedException.class,
              e -> {
                assertThat(e.operationId()).isEqualTo(UUID);
                assertThat(e.status()).isEqualTo("failure");
                assertThat(e.errorCode()).contains("7077919");
                assertThat(e.getMessage()).contains("Password does not meet policy");
              });
    }
    assertThat(time.waits()).isEqualTo(seconds(1, 1.5));
  }

  @Test
  void ontapJobStillRunningAtDeadlineThrowsPollingTimeout(WireMockRuntimeInfo wm) {
    states("{\"state\":\"paused\"}");
    try (HttpPipeline pipeline = pipeline(time, timeoutAfter(Duration.ofSeconds(3)))) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(op::waitForCompletion)
          .isInstanceOfSatisfying(
              PollingTimeoutException.class,
              e -> {
                assertThat(e.operationId()).contains(UUID);
                assertThat(e.lastStatus()).isEqualTo("paused");
              })
          .isNotInstanceOf(CancellationException.class);
    }
    assertThat(time.waits()).isEqualTo(seconds(1, 1.5, 0.5));
  }

  @Test
  void ontapJobGoneWhilePollingSaysFinishedJobsAreDeleted(WireMockRuntimeInfo wm) {
    stubFor(
        get(urlEqualTo(JOB))
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"message\":\"entry doesn't exist\",\"code\":\"4\"}}", 404)));
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::poll)
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e -> {
                assertThat(e.getCause())
                    .isInstanceOfSatisfying(
                        ServiceException.class, s -> assertThat(s.isNotFound()).isTrue());
                assertThat(e.getMessage()).contains(UUID).contains("300 s").contains("HTTP 404");
              });
    }
  }

  @Test
  void ontapAcceptedWithoutJobIsRefused(WireMockRuntimeInfo wm) {
    stubFor(post("/api/security/accounts").willReturn(jsonResponse("{}", 202)));
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThatThrownBy(() -> begin(pipeline, wm))
          .isInstanceOf(dev.rekey.core.OutcomeUnknownException.class)
          .hasMessageContaining("without a job uuid");
    }
  }
}
