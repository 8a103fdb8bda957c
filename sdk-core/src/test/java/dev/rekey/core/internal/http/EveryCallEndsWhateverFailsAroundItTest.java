package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A call ends, sync or async, whatever fails around it: an answer whose body cannot be read (the
 * rotation was processed, so its outcome is unknown, never "not sent"), or a retry wait the time
 * source cannot give. An async call never leaves its future pending.
 */
@WireMockTest
class EveryCallEndsWhateverFailsAroundItTest {
  private static final long GENEROUS_SECONDS = 10; // liveness bound only, never a speed assertion

  /** An application's own client whose interceptor hands over bodies that throw when read. */
  private static OkHttpClient clientWithUnreadableBodies() {
    return new OkHttpClient.Builder()
        .addInterceptor(
            chain ->
                chain
                    .proceed(chain.request())
                    .newBuilder()
                    .body(
                        new ResponseBody() {
                          @Override
                          public @Nullable MediaType contentType() {
                            return null;
                          }

                          @Override
                          public long contentLength() {
                            return -1;
                          }

                          @Override
                          public BufferedSource source() {
                            throw new IllegalStateException("body unreadable");
                          }
                        })
                    .build())
        .build();
  }

  private static ApiRequest rotation(WireMockRuntimeInfo wm) {
    return ApiRequest.post(
            HttpUrl.get(wm.getHttpBaseUrl() + "/rotate"),
            "{}".getBytes(StandardCharsets.UTF_8),
            "application/json")
        .build();
  }

  @Test
  void rotationWhoseAnswerCannotBeReadIsUnknownNotAnUnexpectedException(WireMockRuntimeInfo wm) {
    stubFor(post("/rotate").willReturn(okJson("{\"key\":\"new\"}")));
    OkHttpClient own = clientWithUnreadableBodies();
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.builder().okHttpClient(own).build()).build()) {
      assertThatThrownBy(() -> pipeline.send(rotation(wm)))
          .isInstanceOf(OutcomeUnknownException.class);
    } finally {
      own.dispatcher().executorService().shutdown();
    }
    verify(1, postRequestedFor(urlEqualTo("/rotate")));
  }

  @Test
  void asyncRotationWhoseAnswerCannotBeReadCompletesAsUnknown(WireMockRuntimeInfo wm) {
    stubFor(post("/rotate").willReturn(okJson("{\"key\":\"new\"}")));
    OkHttpClient own = clientWithUnreadableBodies();
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.builder().okHttpClient(own).build()).build()) {
      CompletableFuture<ApiResponse> call = pipeline.sendAsync(rotation(wm));
      assertThatThrownBy(() -> call.get(GENEROUS_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(OutcomeUnknownException.class);
    } finally {
      own.dispatcher().executorService().shutdown();
    }
    verify(1, postRequestedFor(urlEqualTo("/rotate")));
  }

  @Test
  void asyncRetryWhoseWaitTheTimeSourceCannotGiveFailsTheCall(WireMockRuntimeInfo wm) {
    stubFor(get("/keys").willReturn(aResponse().withStatus(503)));
    TimeSource shutDownScheduler =
        new TimeSource() {
          @Override
          public Instant now() {
            return Instant.now();
          }

          @Override
          public void sleep(Duration duration) {}

          @Override
          public CompletableFuture<Void> delay(Duration duration) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("shut down"));
          }
        };
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.builder().timeSource(shutDownScheduler).build())
            .build()) {
      CompletableFuture<ApiResponse> call =
          pipeline.sendAsync(ApiRequest.get(HttpUrl.get(wm.getHttpBaseUrl() + "/keys")).build());
      assertThatThrownBy(() -> call.get(GENEROUS_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(RekeyException.class)
          .hasRootCauseInstanceOf(RejectedExecutionException.class);
    }
    verify(1, getRequestedFor(urlEqualTo("/keys")));
  }
}
