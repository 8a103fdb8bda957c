package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.TimeSource;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.Eventually;
import dev.rekey.core.test.PollFixtures;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sync wait for an accepted rotation that is interrupted ends as an outcome not learned, with the
 * operation's id (the caller of a sync call never held the operation), and keeps the interrupt
 * flag.
 */
@WireMockTest
class InterruptedWaitIsUnknownTest {
  private static final String OP = "/operations/op1";
  private static final long GENEROUS_SECONDS = 10; // liveness bound only, never a speed assertion

  @Test
  void interruptedWaitIsUnknownNamingTheOperation(WireMockRuntimeInfo wm) throws Exception {
    stubFor(
        post("/rotate")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Azure-AsyncOperation", OP)
                    .withHeader("Retry-After", "10")));
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    CompletableFuture<Boolean> flagKept = new CompletableFuture<>();
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.builder().timeSource(TimeSource.system()).build())
            .build()) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  Operation<String> op =
                      ArmPolling.begin(
                          pipeline,
                          PollFixtures.begin(pipeline, wm, "/rotate"),
                          PollFixtures.PASSWORD);
                  thrown.complete(new AssertionError("returned " + op.waitForCompletion()));
                } catch (Throwable t) {
                  thrown.complete(t);
                }
                flagKept.complete(Thread.currentThread().isInterrupted());
              },
              "caller");
      caller.start();
      Eventually.await("the caller sleeps before its first poll", () -> sleeping(caller));
      caller.interrupt();

      assertThat(thrown.get(GENEROUS_SECONDS, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e -> assertThat(e.operationId()).contains(wm.getHttpBaseUrl() + OP));
      assertThat(flagKept.get(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
    verify(0, getRequestedFor(urlEqualTo(OP)));
  }

  private static boolean sleeping(Thread thread) {
    return Arrays.stream(thread.getStackTrace())
        .anyMatch(
            f ->
                f.getClassName().equals(Thread.class.getName())
                    && f.getMethodName().startsWith("sleep"));
  }
}
