package dev.rekey.azure.storage.internal;

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
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.PollFixtures;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class AsmPollingTest {
  private static final String SUB = "sub-1";
  private static final String HEADER_ID = "0F2A6C8E4B1D4E7A9C3B5D6E7F8A9B0C";
  private static final String BODY_ID = "0f2a6c8e-4b1d-4e7a-9c3b-5d6e7f8a9b0c";
  private static final String STATUS_PATH = "/" + SUB + "/operations/" + HEADER_ID;
  private final FakeTime time = new FakeTime();

  @BeforeEach
  void accept() {
    stubFor(
        post("/" + SUB + "/services/storageservices/acct/keys")
            .willReturn(aResponse().withStatus(202).withHeader("x-ms-request-id", HEADER_ID)));
    stubFor(
        get("/" + SUB + "/services/storageservices/acct/keys")
            .willReturn(okJson("{\"password\":\"primary-key\"}")));
  }

  private static String operation(String xmlns, String id, String status, String rest) {
    return "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?><Operation"
        + xmlns
        + " xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><ID>"
        + id
        + "</ID><Status>"
        + status
        + "</Status>"
        + rest
        + "</Operation>";
  }

  private static void statuses(String... bodies) {
    for (int i = 0; i < bodies.length; i++) {
      var stub =
          get(STATUS_PATH)
              .inScenario("asm")
              .whenScenarioStateIs(i == 0 ? STARTED : "s" + i)
              .willReturn(
                  aResponse().withHeader("Content-Type", "application/xml").withBody(bodies[i]));
      stubFor(i + 1 < bodies.length ? stub.willSetStateTo("s" + (i + 1)) : stub);
    }
  }

  private Operation<String> begin(HttpPipeline pipeline, WireMockRuntimeInfo wm) {
    var accepted =
        PollFixtures.begin(pipeline, wm, "/" + SUB + "/services/storageservices/acct/keys");
    var followUp =
        ApiRequest.get(url(wm, "/" + SUB + "/services/storageservices/acct/keys")).build();
    return AsmPolling.begin(
        pipeline, url(wm, ""), SUB, accepted, "2014-06-01", followUp, PollFixtures.PASSWORD);
  }

  @Test
  void asmPollsOperationStatusUntilSucceededThenRunsFollowUp(WireMockRuntimeInfo wm) {
    String ns = " xmlns=\"http://schemas.microsoft.com/windowsazure\"";
    statuses(
        operation(ns, BODY_ID, "InProgress", "<HttpStatusCode i:nil=\"true\"/>"),
        operation("", BODY_ID, "InProgress", ""),
        operation(ns, BODY_ID, "Succeeded", "<HttpStatusCode>200</HttpStatusCode>"));
    try (HttpPipeline pipeline = pipeline(time)) {
      Operation<String> op = begin(pipeline, wm);
      assertThat(op.id()).isEqualTo(HEADER_ID);
      verify(0, getRequestedFor(urlEqualTo(STATUS_PATH)));

      assertThat(op.waitForCompletion()).isEqualTo("primary-key");
      assertThat(op.lastStatus()).isEqualTo("Succeeded");
    }
    verify(
        3,
        getRequestedFor(urlEqualTo(STATUS_PATH)).withHeader("x-ms-version", equalTo("2014-06-01")));
    verify(1, getRequestedFor(urlEqualTo("/" + SUB + "/services/storageservices/acct/keys")));
    assertThat(time.waits()).isEqualTo(seconds(1, 1.5, 2.25));
  }

  @Test
  void asmFailedStatusThrowsOperationFailedWithErrorCode(WireMockRuntimeInfo wm) {
    statuses(
        operation("", BODY_ID, "InProgress", ""),
        operation(
            "",
            BODY_ID,
            "Failed",
            "<HttpStatusCode>409</HttpStatusCode><Error><Code>ConflictError</Code><Message>key rotation in progress</Message></Error>"));
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isInstanceOfSatisfying(
              OperationFailedException.class,
              e -> {
                assertThat(e.operationId()).isEqualTo(HEADER_ID);
                assertThat(e.status()).isEqualTo("Failed");
                assertThat(e.errorCode()).contains("ConflictError");
                assertThat(e.getMessage()).contains("key rotation in progress");
              });
    }
    assertThat(time.waits()).isEqualTo(seconds(1, 1.5));
    verify(0, getRequestedFor(urlEqualTo("/" + SUB + "/services/storageservices/acct/keys")));
  }

  @Test
  void asmUnknownStatusIsKeptRawAndPolledUntilDeadline(WireMockRuntimeInfo wm) {
    statuses(
        operation(
            " xmlns=\"https://schemas.microsoft.com/windowsazure\"", BODY_ID, "Throttled", ""));
    try (HttpPipeline pipeline = pipeline(time, timeoutAfter(Duration.ofSeconds(2)))) {
      Operation<String> op = begin(pipeline, wm);
      assertThatThrownBy(op::waitForCompletion)
          .isInstanceOfSatisfying(
              PollingTimeoutException.class,
              e -> {
                assertThat(e.operationId()).contains(HEADER_ID);
                assertThat(e.lastStatus()).isEqualTo("Throttled");
              })
          .isNotInstanceOf(CancellationException.class);
      assertThat(op.lastStatus()).isEqualTo("Throttled");
    }
    assertThat(time.waits()).isEqualTo(seconds(1, 1));
    verify(2, getRequestedFor(urlEqualTo(STATUS_PATH)));
  }

  @Test
  void aStatusAnswerWithoutAStatusLeavesTheOutcomeUnknownAtOnce(WireMockRuntimeInfo wm) {
    statuses(
        "<Error xmlns=\"http://schemas.microsoft.com/windowsazure\"><Code>InternalError</Code>"
            + "<Message>The server encountered an internal error.</Message></Error>");
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class, e -> assertThat(e.operationId()).contains(HEADER_ID))
          .hasMessageContaining("HTTP 200 without an operation <Status> (InternalError)");
    }
    verify(1, getRequestedFor(urlEqualTo(STATUS_PATH)));
    verify(0, getRequestedFor(urlEqualTo("/" + SUB + "/services/storageservices/acct/keys")));
  }

  @Test
  void asmStatusForAnotherOperationIsRefused(WireMockRuntimeInfo wm) {
    statuses(operation("", "11111111-2222-3333-4444-555555555555", "Succeeded", ""));
    try (HttpPipeline pipeline = pipeline(time)) {
      assertThatThrownBy(begin(pipeline, wm)::waitForCompletion)
          .isExactlyInstanceOf(OutcomeUnknownException.class)
          .hasMessageContaining("different operation");
    }
    verify(0, getRequestedFor(urlEqualTo("/" + SUB + "/services/storageservices/acct/keys")));
  }

  @Test
  void asmRequestIdsMatchAcrossDashesAndCase() {
    assertThat(AsmPolling.normalise(HEADER_ID)).isEqualTo(AsmPolling.normalise(BODY_ID));
  }
}
