package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.rekey.core.test.PollFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.PollFixtures;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@WireMockTest
class ArmPollingTest {
  private static final String OP = "/operations/op1?api-version=2023-01-01";
  private final FakeTime time = new FakeTime();

  private static void acceptWith(String... headers) {
    var response = aResponse().withStatus(202);
    for (int i = 0; i < headers.length; i += 2) {
      response = response.withHeader(headers[i], headers[i + 1]);
    }
    stubFor(post("/registries/r1/generateCredentials").willReturn(response));
  }

  private static void statusSequence(String... bodies) {
    statuses(Arrays.stream(bodies).map(WireMock::okJson).toArray(ResponseDefinitionBuilder[]::new));
  }

  private static void statuses(ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      var stub =
          get(urlPathEqualTo("/operations/op1"))
              .inScenario("op")
              .whenScenarioStateIs(i == 0 ? STARTED : "s" + i)
              .willReturn(responses[i]);
      stubFor(i + 1 < responses.length ? stub.willSetStateTo("s" + (i + 1)) : stub);
    }
  }

  /** A pipeline that reads ARM's error bodies, as the Azure clients' pipelines do. */
  private static HttpPipeline armPipeline(FakeTime time) {
    return HttpPipeline.builder(
            ClientOptions.builder().timeSource(time).readTimeout(Duration.ofSeconds(5)).build())
        .errorDecoder(new ArmErrorDecoder())
        .build();
  }

  private Operation<String> begin(HttpPipeline pipeline, WireMockRuntimeInfo wm) {
    return ArmPolling.begin(
        pipeline,
        PollFixtures.begin(pipeline, wm, "/registries/r1/generateCredentials"),
        PollFixtures.PASSWORD);
  }

  @Test
  void armPollsAsyncOperationUntilSucceededThenReadsLocation(WireMockRuntimeInfo wm) {
    acceptWith(
        "Azure-AsyncOperation",
        wm.getHttpBaseUrl() + OP,
        "Location",
        "/results/r1",
        "Retry-After",
        "3");
    statuses(
        okJson("{\"status\":\"InProgress\"}").withHeader("Retry-After", "30"),
        okJson("{\"status\":\"inprogress\"}"),
        okJson("{\"status\":\"Succeeded\"}"));
    stubFor(get("/results/r1").willReturn(okJson("{\"password\":\"p@ss\"}")));
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);

      assertThat(op.id()).isEqualTo(wm.getHttpBaseUrl() + OP);
      assertThat(op.lastStatus()).isEqualTo("Accepted");
      verify(0, getRequestedFor(anyUrl()));

      assertThat(op.waitForCompletion()).isEqualTo("p@ss");
      assertThat(op.lastStatus()).isEqualTo("Succeeded");
    }
    verify(3, getRequestedFor(urlPathEqualTo("/operations/op1")));
    verify(1, getRequestedFor(urlEqualTo("/results/r1")));
    assertThat(time.waits())
        .isEqualTo(seconds(3, 10, 1)); // Retry-After, 30 s capped at 10 s, default
  }

  @Test
  void aLocationStillAnswering202AfterTheStatusSucceededIsPolledUntilItHasTheResult(
      WireMockRuntimeInfo wm) {
    // ARM's RPC: Location answers 202 without a body while the operation is in progress
    acceptWith("Azure-AsyncOperation", wm.getHttpBaseUrl() + OP, "Location", "/results/r1");
    statusSequence("{\"status\":\"Succeeded\"}");
    stubFor(
        get("/results/r1")
            .inScenario("result")
            .willReturn(aResponse().withStatus(202).withHeader("Retry-After", "2"))
            .willSetStateTo("ready"));
    stubFor(
        get("/results/r1")
            .inScenario("result")
            .whenScenarioStateIs("ready")
            .willReturn(okJson("{\"password\":\"p@ss\"}")));
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThat(begin(pipeline, wm).waitForCompletion()).isEqualTo("p@ss");
    }
    verify(1, getRequestedFor(urlPathEqualTo("/operations/op1")));
    verify(2, getRequestedFor(urlEqualTo("/results/r1")));
    assertThat(time.waits()).isEqualTo(seconds(1, 2)); // default before the status, Retry-After
  }

  @Test
  void armStatusEndpointThatAnswers404LeavesTheOutcomeUnknown(WireMockRuntimeInfo wm) {
    acceptWith("Azure-AsyncOperation", OP);
    stubFor(
        get(urlPathEqualTo("/operations/op1"))
            .willReturn(
                jsonResponse(
                    "{\"error\":{\"code\":\"OperationNotFound\",\"message\":\"gone\"}}", 404)));
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(op::waitForCompletion)
          .isInstanceOf(OutcomeUnknownException.class)
          .hasMessageContaining("can no longer be polled (HTTP 404)")
          .hasCauseInstanceOf(dev.rekey.core.ServiceException.class);
    }
  }

  @Test
  void armFailedStatusThrowsOperationFailedWithServiceError(WireMockRuntimeInfo wm) {
    acceptWith("Azure-AsyncOperation", OP);
    statusSequence(
        "{\"status\":\"InProgress\"}",
        "{\"status\":\"Failed\",\"error\":{\"code\":\"TokenNotFound\",\"message\":\"token t1 is gone\"}}");
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(op::waitForCompletion)
          .isInstanceOfSatisfying(
              OperationFailedException.class,
              e -> {
                assertThat(e.operationId()).isEqualTo(wm.getHttpBaseUrl() + OP);
                assertThat(e.status()).isEqualTo("Failed");
                assertThat(e.errorCode()).contains("TokenNotFound");
                assertThat(e.getMessage()).contains("token t1 is gone");
              });
      assertThat(op.lastStatus()).isEqualTo("Failed");
      assertThatThrownBy(op::poll).isInstanceOf(OperationFailedException.class);
    }
    verify(2, getRequestedFor(urlPathEqualTo("/operations/op1")));
    assertThat(time.waits()).isEqualTo(seconds(1, 1.5));
  }

  @Test
  void armDeadlineThrowsPollingTimeoutWithLastStatusNeverCancellation(WireMockRuntimeInfo wm) {
    acceptWith("Azure-AsyncOperation", OP);
    stubFor(get(urlPathEqualTo("/operations/op1")).willReturn(okJson("{\"status\":\"Running\"}")));
    try (HttpPipeline pipeline = pipeline(time, timeoutAfter(Duration.ofSeconds(5)))) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(op::waitForCompletion)
          .isInstanceOfSatisfying(
              PollingTimeoutException.class,
              e -> {
                assertThat(e.operationId()).contains(op.id());
                assertThat(e.lastStatus()).isEqualTo("Running");
                assertThat(e.getMessage()).contains("PT5S");
              })
          .isNotInstanceOf(CancellationException.class);
    }
    // 1 + 1.5 + 2.25 = 4.75 s; the next wait is clipped to the deadline for one last look.
    assertThat(time.waits()).isEqualTo(seconds(1, 1.5, 2.25, 0.25));
    verify(4, getRequestedFor(urlPathEqualTo("/operations/op1")));
  }

  @Test
  void armWaitWithExplicitTimeoutUsesThatDeadline(WireMockRuntimeInfo wm) {
    acceptWith("Azure-AsyncOperation", OP);
    stubFor(
        get(urlPathEqualTo("/operations/op1")).willReturn(okJson("{\"status\":\"InProgress\"}")));
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(() -> op.waitForCompletion(Duration.ofSeconds(2)))
          .isInstanceOfSatisfying(
              PollingTimeoutException.class,
              e -> assertThat(e.lastStatus()).isEqualTo("InProgress"));
    }
    assertThat(time.waits()).isEqualTo(seconds(1, 1));
  }

  @Test
  void armSucceededWithoutLocationOrPropertiesFailsAsUnreadableNeverNull(WireMockRuntimeInfo wm) {
    acceptWith("Azure-AsyncOperation", OP);
    statusSequence("{\"status\":\"Succeeded\"}");
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(op::waitForCompletion)
          .isExactlyInstanceOf(CredentialNotReturnedException.class)
          .hasMessageContaining("succeeded but the new credential was not returned")
          .hasMessageContaining("no answer carried its result")
          .hasMessageContaining(PollFixtures.RECOVERY)
          .hasMessageContaining(op.id());
      assertThatThrownBy(op::poll).isExactlyInstanceOf(CredentialNotReturnedException.class);
    }
  }

  @Test
  void armReadsResultFromStatusPropertiesWhenNoLocation(WireMockRuntimeInfo wm) {
    acceptWith("Azure-AsyncOperation", OP);
    statusSequence("{\"status\":\"Succeeded\",\"properties\":{\"password\":\"from-status\"}}");
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThat(begin(pipeline, wm).waitForCompletion()).isEqualTo("from-status");
    }
    verify(1, getRequestedFor(urlPathEqualTo("/operations/op1")));
  }

  @Test
  void armLocationOnlyPollsUntilOkFollowingNewLocationAndRetryAfterMs(WireMockRuntimeInfo wm) {
    acceptWith("Location", "/locations/l1");
    stubFor(
        get("/locations/l1")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "l2")
                    .withHeader("retry-after-ms", "2500")));
    stubFor(get("/locations/l2").willReturn(okJson("{\"password\":\"final\"}")));
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(op.id()).isEqualTo(wm.getHttpBaseUrl() + "/locations/l1");
      assertThat(op.waitForCompletion()).isEqualTo("final");
    }
    verify(1, getRequestedFor(urlEqualTo("/locations/l1")));
    verify(1, getRequestedFor(urlEqualTo("/locations/l2")));
    assertThat(time.waits()).isEqualTo(seconds(1, 2.5));
  }

  @Test
  void armLocationAnswering204FailsAsUnreadable(WireMockRuntimeInfo wm) {
    acceptWith("Location", "/locations/l1");
    stubFor(get("/locations/l1").willReturn(aResponse().withStatus(204)));
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isExactlyInstanceOf(CredentialNotReturnedException.class)
          .hasMessageContaining(
              "succeeded but the new credential was not returned (the service sent an empty result)");
    }
  }

  @Test
  void anOperationStatusAnsweredAtLocationIsReadAsAStatusNotAsTheResult(WireMockRuntimeInfo wm) {
    acceptWith("Location", "/operationStatuses/s1");
    stubFor(
        get("/operationStatuses/s1")
            .inScenario("status")
            .willReturn(okJson("{\"status\":\"InProgress\"}"))
            .willSetStateTo("failed"));
    stubFor(
        get("/operationStatuses/s1")
            .inScenario("status")
            .whenScenarioStateIs("failed")
            .willReturn(
                okJson(
                    "{\"status\":\"Failed\",\"error\":{\"code\":409,\"message\":\"token busy\"}}")));
    try (HttpPipeline pipeline = armPipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isInstanceOfSatisfying(
              OperationFailedException.class,
              e -> {
                assertThat(e.status()).isEqualTo("Failed");
                assertThat(e.errorCode()).contains("409");
                assertThat(e.getMessage()).contains("token busy");
              });
    }
    verify(2, getRequestedFor(urlEqualTo("/operationStatuses/s1")));
  }

  @Test
  void aSucceededStatusAtLocationWithoutTheResultSaysTheCredentialWasNotReturned(
      WireMockRuntimeInfo wm) {
    acceptWith("Location", "/operationStatuses/s1");
    stubFor(get("/operationStatuses/s1").willReturn(okJson("{\"status\":\"Succeeded\"}")));
    try (HttpPipeline pipeline = armPipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isExactlyInstanceOf(CredentialNotReturnedException.class)
          .hasMessageContaining("no answer carried its result");
    }
    verify(1, getRequestedFor(urlEqualTo("/operationStatuses/s1")));
  }

  @Test
  void armLocationAnsweringAnErrorEndsTheOperationAsFailed(WireMockRuntimeInfo wm) {
    acceptWith("Location", "/locations/l1");
    stubFor(
        get("/locations/l1")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withBody(
                        "{\"error\":{\"code\":\"Conflict\",\"message\":\"token is being deleted\"}}")));
    try (HttpPipeline pipeline = armPipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isInstanceOfSatisfying(
              OperationFailedException.class,
              e -> {
                assertThat(e.status()).isEqualTo("Failed");
                assertThat(e.errorCode()).contains("Conflict");
                assertThat(e.operationId()).isEqualTo(wm.getHttpBaseUrl() + "/locations/l1");
                assertThat(e.getCause()).isInstanceOf(dev.rekey.core.ServiceException.class);
              });
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 408, 429, 500, 501, 503, 524})
  void aLocationPollThatFailsForItsOwnReasonLeavesTheOutcomeUnknown(
      int status, WireMockRuntimeInfo wm) {
    // the poll was refused or not served: the rotation may have run, so "failed" would be a guess
    acceptWith("Location", "/locations/l1");
    stubFor(
        get("/locations/l1")
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withBody("{\"error\":{\"code\":\"SomeCode\",\"message\":\"no\"}}")));
    try (HttpPipeline pipeline = armPipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e -> {
                assertThat(e.operationId()).contains(wm.getHttpBaseUrl() + "/locations/l1");
                assertThat(e.getCause()).isInstanceOf(dev.rekey.core.ServiceException.class);
              });
    }
  }

  @Test
  void aLocationClientErrorWithoutAnArmErrorCodeLeavesTheOutcomeUnknown(WireMockRuntimeInfo wm) {
    // e.g. a proxy's HTML 400: nothing says the operation itself failed
    acceptWith("Location", "/locations/l1");
    stubFor(
        get("/locations/l1")
            .willReturn(aResponse().withStatus(400).withBody("<html>Bad Request</html>")));
    try (HttpPipeline pipeline = armPipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isInstanceOf(OutcomeUnknownException.class);
    }
  }

  @Test
  void anInterruptedWaitNamesTheOperationWhichCanStillBeFollowed(WireMockRuntimeInfo wm) {
    acceptWith("Location", "/locations/l1");
    stubFor(get("/locations/l1").willReturn(okJson("{\"password\":\"final\"}")));
    // real time: the first wait (1 s by default) meets the interrupt at once
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.builder().readTimeout(Duration.ofSeconds(5)).build())
            .build()) {
      Operation<String> op = begin(pipeline, wm);
      Thread.currentThread().interrupt();
      try {
        // not learned: unknown, naming the operation (a sync call's caller never held it)
        assertThatThrownBy(op::waitForCompletion)
            .isInstanceOfSatisfying(
                OutcomeUnknownException.class,
                e -> assertThat(e.operationId()).contains(wm.getHttpBaseUrl() + "/locations/l1"))
            .hasMessageContaining("operation " + wm.getHttpBaseUrl() + "/locations/l1")
            .hasMessageContaining("poll or wait for it again");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(op.poll()).contains("final");
    }
    verify(1, getRequestedFor(urlEqualTo("/locations/l1")));
  }

  @Test
  void armAcceptedWithoutPollingHeadersIsRefusedAtOnce(WireMockRuntimeInfo wm) {
    acceptWith();
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThatThrownBy(() -> begin(pipeline, wm))
          .isExactlyInstanceOf(OutcomeUnknownException.class)
          .hasMessageContaining("without an Azure-AsyncOperation or Location");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Azure-AsyncOperation", "Location"})
  void anOperationUrlOnAnotherOriginIsNeverPolled(String header, WireMockRuntimeInfo wm) {
    WireMockServer elsewhere = new WireMockServer(options().dynamicPort());
    elsewhere.start();
    try (HttpPipeline pipeline = pipeline(time)) {
      acceptWith(header, elsewhere.baseUrl() + "/operations/op1", "x-ms-request-id", "req-1");
      assertThatThrownBy(() -> begin(pipeline, wm))
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class, e -> assertThat(e.operationId()).contains("req-1"))
          .hasMessageContaining("on another origin (http://localhost:" + elsewhere.port() + ")")
          .hasMessageContaining("cannot be followed");
      assertThat(elsewhere.getAllServeEvents()).isEmpty();
    } finally {
      elsewhere.stop();
    }
  }

  @Test
  void aLocationThatMovesToAnotherOriginLeavesTheOutcomeUnknownUnpolled(WireMockRuntimeInfo wm) {
    WireMockServer elsewhere = new WireMockServer(options().dynamicPort());
    elsewhere.start();
    try (HttpPipeline pipeline = pipeline(time)) {
      acceptWith("Location", "/locations/l1");
      stubFor(
          get("/locations/l1")
              .willReturn(
                  aResponse()
                      .withStatus(202)
                      .withHeader("Location", elsewhere.baseUrl() + "/locations/l2")));
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e -> assertThat(e.operationId()).contains(wm.getHttpBaseUrl() + "/locations/l1"))
          .hasMessageContaining("on another origin");
      assertThat(elsewhere.getAllServeEvents()).isEmpty();
    } finally {
      elsewhere.stop();
    }
  }
}
