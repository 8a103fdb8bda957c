package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.test.Eventually;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.PollFixtures;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Cancelling the future of an async rotation stops the work it waits for: an accepted operation is
 * no longer polled (a plain {@code thenCompose} cancelled only itself, and polling went on for the
 * whole polling timeout).
 */
@WireMockTest
class CancellingAnAsyncRotationStopsItsPollingTest {
  private static final String OP = "/operations/op1";

  @Test
  void cancelledFutureOfAnAcceptedRotationPollsNoMore(WireMockRuntimeInfo wm) throws Exception {
    stubFor(
        post("/rotate")
            .willReturn(aResponse().withStatus(202).withHeader("Azure-AsyncOperation", OP)));
    stubFor(get(OP).willReturn(okJson("{\"status\":\"InProgress\"}")));
    FakeTime time = new FakeTime();
    time.holdDelays();
    OkHttpClient own = new OkHttpClient();
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.builder().timeSource(time).okHttpClient(own).build())
            .build()) {
      CompletableFuture<String> rotation =
          ArmOperations.runAsync(
              pipeline,
              ApiRequest.post(
                      PollFixtures.url(wm, "/rotate"),
                      "{}".getBytes(StandardCharsets.UTF_8),
                      "application/json")
                  .build(),
              PollFixtures.PASSWORD);
      Eventually.await("the first poll waits", () -> time.pendingDelays() == 1);

      assertThat(rotation.cancel(false)).isTrue();
      time.releaseNextDelay().get(10, TimeUnit.SECONDS); // the poll's wait ends: would it look?
      Eventually.await(
          "the dispatcher is idle",
          () -> own.dispatcher().runningCallsCount() + own.dispatcher().queuedCallsCount() == 0);
    } finally {
      own.dispatcher().executorService().shutdown();
    }
    verify(1, postRequestedFor(urlEqualTo("/rotate")));
    verify(0, getRequestedFor(urlEqualTo(OP)));
  }
}
