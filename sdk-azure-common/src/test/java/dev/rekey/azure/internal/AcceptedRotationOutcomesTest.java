package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.rekey.core.test.PollFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.PollFixtures;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * After the service accepted a rotation, every way of not learning its outcome ends in {@link
 * OutcomeUnknownException} carrying the operation id, and a result that cannot be fetched after the
 * operation succeeded ends in {@link CredentialNotReturnedException}; never an internal type.
 */
@WireMockTest
class AcceptedRotationOutcomesTest {
  private final FakeTime time = new FakeTime();

  private HttpPipeline pipeline(long maxResponseBytes) {
    return HttpPipeline.builder(
            ClientOptions.builder()
                .timeSource(time)
                .maxResponseBytes(maxResponseBytes)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .build())
        .random(() -> 0.5)
        .build();
  }

  private static void accept(String header, String value) {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(202).withHeader(header, value)));
  }

  private static Operation<String> begin(HttpPipeline p, WireMockRuntimeInfo wm) {
    return ArmPolling.begin(p, PollFixtures.begin(p, wm, "/rotate"), PollFixtures.PASSWORD);
  }

  private static void assertUnknown(Throwable e, String operationId, String message) {
    assertThat(e)
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class,
            u -> {
              assertThat(u.operationId()).contains(operationId);
              assertThat(u.attempts()).isEqualTo(1);
            })
        .hasMessageContaining(operationId)
        .hasMessageContaining(message);
  }

  @Test
  void aLocationThatAnswers404LeavesTheOutcomeUnknownNotFailed(WireMockRuntimeInfo wm) {
    accept("Location", "/locations/l1");
    stubFor(
        get("/locations/l1")
            .willReturn(
                jsonResponse("{\"error\":{\"code\":\"NotFound\",\"message\":\"gone\"}}", 404)));
    try (HttpPipeline p = pipeline(1024 * 1024)) {
      Operation<String> op = begin(p, wm);
      Throwable e = org.assertj.core.api.Assertions.catchThrowable(op::waitForCompletion);
      assertUnknown(e, wm.getHttpBaseUrl() + "/locations/l1", "can no longer be polled (HTTP 404)");
    }
    verify(1, getRequestedFor(urlEqualTo("/locations/l1")));
  }

  @Test
  void aMalformedStatusBodyLeavesTheOutcomeUnknownWithTheOperationId(WireMockRuntimeInfo wm) {
    accept("Azure-AsyncOperation", "/operations/op1");
    stubFor(get("/operations/op1").willReturn(okJson("{\"status\":\"Succ")));
    try (HttpPipeline p = pipeline(1024 * 1024)) {
      Operation<String> op = begin(p, wm);
      Throwable e = org.assertj.core.api.Assertions.catchThrowable(op::waitForCompletion);
      assertUnknown(
          e, wm.getHttpBaseUrl() + "/operations/op1", "its status answer could not be read");
      assertThat(e.getClass().getName()).doesNotContain(".internal.");
      assertThatThrownBy(op::poll).isSameAs(e);
    }
  }

  @Test
  void aHostileStatusBodyLeavesTheOutcomeUnknownInTheAsyncFormToo(WireMockRuntimeInfo wm) {
    accept("Azure-AsyncOperation", "/operations/op1");
    stubFor(get("/operations/op1").willReturn(okJson("[".repeat(5000))));
    try (HttpPipeline p = pipeline(1024 * 1024)) {
      Throwable e =
          org.assertj.core.api.Assertions.catchThrowable(() -> begin(p, wm).toFuture().join());
      assertThat(e).isInstanceOf(CompletionException.class);
      assertUnknown(e.getCause(), wm.getHttpBaseUrl() + "/operations/op1", "could not be read");
    }
  }

  @Test
  void anOversizedPollAnswerLeavesTheOutcomeUnknownNotARetryableTransportFailure(
      WireMockRuntimeInfo wm) {
    accept("Azure-AsyncOperation", "/operations/op1");
    stubFor(get("/operations/op1").willReturn(okJson("{\"status\":\"" + "x".repeat(4096) + "\"}")));
    try (HttpPipeline p = pipeline(1024)) {
      Throwable e = org.assertj.core.api.Assertions.catchThrowable(begin(p, wm)::waitForCompletion);
      assertUnknown(e, wm.getHttpBaseUrl() + "/operations/op1", "its status could not be read");
      assertThat(e.getCause()).isInstanceOf(dev.rekey.core.TransportException.class);
    }
  }

  @Test
  void aPollAnswerCutOffLeavesTheOutcomeUnknown(WireMockRuntimeInfo wm) {
    accept("Location", "/locations/l1");
    stubFor(get("/locations/l1").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    try (HttpPipeline p = pipeline(1024 * 1024)) {
      Throwable e = org.assertj.core.api.Assertions.catchThrowable(begin(p, wm)::waitForCompletion);
      assertUnknown(e, wm.getHttpBaseUrl() + "/locations/l1", "its status could not be read");
    }
  }

  @Test
  void aSucceededOperationWhoseResultCannotBeFetchedSaysTheCredentialExists(
      WireMockRuntimeInfo wm) {
    stubFor(
        post("/rotate")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Azure-AsyncOperation", "/operations/op1")
                    .withHeader("Location", "/results/r1")));
    stubFor(get("/operations/op1").willReturn(okJson("{\"status\":\"Succeeded\"}")));
    stubFor(
        get("/results/r1").willReturn(jsonResponse("{\"error\":{\"code\":\"NotFound\"}}", 404)));
    try (HttpPipeline p = pipeline(1024 * 1024)) {
      assertThatThrownBy(begin(p, wm)::waitForCompletion)
          .isInstanceOfSatisfying(
              CredentialNotReturnedException.class,
              e -> assertThat(e.operationId()).isEqualTo(wm.getHttpBaseUrl() + "/operations/op1"))
          .hasMessageContaining("fetching the result failed")
          .hasMessageContaining(PollFixtures.RECOVERY);
    }
  }

  @Test
  void aRotationAcceptedWithAnUnusableOperationUrlLeavesTheOutcomeUnknown(WireMockRuntimeInfo wm) {
    accept("Azure-AsyncOperation", "ftp://elsewhere/op1");
    try (HttpPipeline p = pipeline(1024 * 1024)) {
      assertThatThrownBy(() -> begin(p, wm))
          .isInstanceOf(OutcomeUnknownException.class)
          .hasMessageContaining("not an http(s) URL");
    }
  }
}
