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
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.TransportException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.FakeTime;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A response body over {@code maxResponseBytes} fails the call instead of filling the heap. */
@WireMockTest
class OversizedResponseTest {
  private static final String BIG = "x".repeat(2 * 1024 * 1024);
  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
    stubFor(get("/big").willReturn(ok(BIG).withHeader("Content-Type", "application/json")));
    stubFor(post("/big").willReturn(ok(BIG).withHeader("Content-Type", "application/json")));
    stubFor(get("/fits").willReturn(ok("y".repeat(2048))));
  }

  private HttpPipeline pipeline() {
    return HttpPipeline.builder(
            ClientOptions.builder().timeSource(new FakeTime()).maxResponseBytes(2048).build())
        .random(() -> 0.5)
        .build();
  }

  @Test
  void oversizedGetIsTransportFailureNamingTheCapAndIsNotRetried() {
    TransportException e;
    try (HttpPipeline p = pipeline()) {
      e =
          catchThrowableOfType(
              TransportException.class,
              () -> p.send(ApiRequest.get(HttpUrl.get(base + "/big")).build()));
    }

    assertThat(e.getMessage()).contains("2048").contains("maxResponseBytes");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.mayHaveReachedServer()).isTrue();
    verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void oversizedRotationAnswerIsOutcomeUnknownNamingTheCap() {
    OutcomeUnknownException e;
    try (HttpPipeline p = pipeline()) {
      e =
          catchThrowableOfType(
              OutcomeUnknownException.class,
              () ->
                  p.send(
                      ApiRequest.post(
                              HttpUrl.get(base + "/big"),
                              "{}".getBytes(StandardCharsets.UTF_8),
                              "application/json")
                          .build()));
    }

    assertThat(e.getMessage()).contains("2048").contains("maxResponseBytes");
    verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void oversizedAsyncGetFailsTheFutureTheSameWay() {
    ExecutionException e;
    try (HttpPipeline p = pipeline()) {
      e =
          catchThrowableOfType(
              ExecutionException.class,
              () -> p.sendAsync(ApiRequest.get(HttpUrl.get(base + "/big")).build()).get());
    }

    assertThat(e.getCause()).isInstanceOf(TransportException.class).hasMessageContaining("2048");
  }

  @Test
  void bodyExactlyAtTheCapIsRead() {
    try (HttpPipeline p = pipeline()) {
      ApiResponse r = p.send(ApiRequest.get(HttpUrl.get(base + "/fits")).build());
      assertThat(r.body()).hasSize(2048);
    }
  }

  @Test
  void aCapNoArrayCanHoldIsRefusedWhenTheOptionsAreBuilt() {
    // a body is read into one array; past that, the cap's own arithmetic overflowed
    assertThat(
            catchThrowableOfType(
                ValidationException.class,
                () -> ClientOptions.builder().maxResponseBytes(Long.MAX_VALUE).build()))
        .hasMessageContaining("maxResponseBytes");
  }
}
