package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.RekeyException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.test.FakeTime;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token source that fails stops the call before anything is sent, with its own exception, once.
 */
@WireMockTest
class TokenFailureTest {
  private static final long GENEROUS_SECONDS = 10; // liveness bound only, never a speed assertion
  private final AtomicInteger asked = new AtomicInteger();
  private final RekeyException noCredential = new RekeyException("no Azure credential configured");

  private HttpPipeline pipeline() {
    Authentication failing =
        Authentication.bearer(
            () -> {
              asked.incrementAndGet();
              throw noCredential;
            });
    return HttpPipeline.builder(ClientOptions.builder().timeSource(new FakeTime()).build())
        .authentication(failing)
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
  void syncCallThrowsTheSourcesExceptionWithoutSendingOrRetrying(WireMockRuntimeInfo wm) {
    stubFor(post("/rotate").willReturn(ok()));
    try (HttpPipeline pipeline = pipeline()) {
      assertThatThrownBy(() -> pipeline.send(rotation(wm))).isSameAs(noCredential);
    }
    assertThat(asked).hasValue(1);
    verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void asyncCallCompletesWithTheSourcesException(WireMockRuntimeInfo wm) {
    stubFor(post("/rotate").willReturn(ok()));
    try (HttpPipeline pipeline = pipeline()) {
      assertThatThrownBy(() -> pipeline.sendAsync(rotation(wm)).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseReference(noCredential);
    }
    assertThat(asked).hasValue(1);
    verify(0, anyRequestedFor(anyUrl()));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aLateOrServerQuotingFailureIsStillTheSourcesAndIsNotRetried(
      boolean late, WireMockRuntimeInfo wm) throws Exception {
    // a failure after the call timeout cancelled the attempt, and a message quoting a server like
    // one of OkHttp's: neither may turn the source's failure into a transport failure, retried
    RekeyException failure = new RekeyException("expected JSON but was HTML");
    CountDownLatch cancelled = new CountDownLatch(1);
    OkHttpClient app =
        new OkHttpClient.Builder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void canceled(Call call) {
                    cancelled.countDown();
                  }
                })
            .build();
    Authentication source =
        Authentication.bearer(
            () -> {
              asked.incrementAndGet();
              if (late) {
                try {
                  // fail only once the call timeout has cancelled the attempt
                  assertThat(cancelled.await(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              throw failure;
            });
    stubFor(post("/rotate").willReturn(ok()));
    try (HttpPipeline pipeline =
        HttpPipeline.builder(
                ClientOptions.builder()
                    .okHttpClient(app)
                    .timeSource(new FakeTime())
                    .callTimeout(java.time.Duration.ofMillis(200))
                    .build())
            .authentication(source)
            .build()) {
      assertThatThrownBy(() -> pipeline.send(rotation(wm))).isSameAs(failure);
    }
    assertThat(asked).hasValue(1);
    verify(0, anyRequestedFor(anyUrl()));
    app.dispatcher().executorService().shutdown();
  }
}
