package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.TransportException;
import dev.rekey.core.internal.Futures;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code callTimeout} bounds one attempt from start to its answer's last byte, however often the
 * server sends a byte: an answer trickled over 8 s, each piece well within the read timeout, ends
 * the attempt at the 1 s limit, named as a timeout; a rotation that timed out is never sent again.
 */
@WireMockTest
class EachAttemptEndsAtTheCallTimeoutTest {
  private static final String BODY = "{\"value\":\"" + "x".repeat(60) + "\"}";
  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
    stubFor(get("/slow").willReturn(ok(BODY).withChunkedDribbleDelay(16, 8_000)));
    stubFor(post("/slow").willReturn(ok(BODY).withChunkedDribbleDelay(16, 8_000)));
    stubFor(get("/quick").willReturn(ok(BODY)));
  }

  private static HttpPipeline pipeline() {
    return HttpPipeline.builder(
            FastCalls.options()
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(1))
                .build())
        .build();
  }

  private ApiRequest rotation() {
    return ApiRequest.post(
            HttpUrl.get(base + "/slow"), "{}".getBytes(StandardCharsets.UTF_8), "application/json")
        .build();
  }

  @Test
  void aTrickledReadEndsAtTheLimitAsATimeout() {
    long start = System.nanoTime();
    TransportException e;
    try (HttpPipeline p = pipeline()) {
      e =
          catchThrowableOfType(
              TransportException.class,
              () -> p.send(ApiRequest.get(HttpUrl.get(base + "/slow")).build()));
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    assertThat(e.getCause())
        .isInstanceOf(InterruptedIOException.class)
        .hasMessageContaining("call timeout of PT1S");
  }

  @Test
  void aTrickledRotationIsOutcomeUnknownAndSentOnce() {
    OutcomeUnknownException e;
    try (HttpPipeline p = pipeline()) {
      e = catchThrowableOfType(OutcomeUnknownException.class, () -> p.send(rotation()));
    }

    assertThat(e).hasRootCauseInstanceOf(java.io.IOException.class);
    assertThat(e.getCause()).hasMessageContaining("call timeout of PT1S");
    verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void aTrickledAsyncRotationIsOutcomeUnknownToo() {
    Throwable e;
    try (HttpPipeline p = pipeline()) {
      e = Futures.unwrap(p.sendAsync(rotation()).handle((r, t) -> t).join());
    }

    assertThat(e).isInstanceOf(OutcomeUnknownException.class);
    assertThat(e.getCause()).hasMessageContaining("call timeout of PT1S");
    verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void answersWithinTheLimitAreNeverCut() {
    try (HttpPipeline p = pipeline()) {
      for (int i = 0; i < 50; i++) {
        assertThat(p.send(ApiRequest.get(HttpUrl.get(base + "/quick")).build()).statusCode())
            .isEqualTo(200);
      }
    }
    verify(50, anyRequestedFor(anyUrl()));
  }

  @Test
  void zeroMeansNoLimitRatherThanAnInstantOne() {
    try (HttpPipeline p =
        HttpPipeline.builder(FastCalls.options().callTimeout(Duration.ZERO).build()).build()) {
      stubFor(get("/dribble").willReturn(ok(BODY).withChunkedDribbleDelay(4, 1_500)));
      assertThat(p.send(ApiRequest.get(HttpUrl.get(base + "/dribble")).build()).statusCode())
          .isEqualTo(200);
    }
  }
}
