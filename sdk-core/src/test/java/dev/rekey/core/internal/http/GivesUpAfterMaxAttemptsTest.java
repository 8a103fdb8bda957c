package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ServiceException;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.core.test.FakeTime;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** A repeatable call is retried with bounded backoff, then fails with what the service said. */
@WireMockTest
class GivesUpAfterMaxAttemptsTest {
  private final FakeTime time = new FakeTime();

  private ServiceException failingGet(
      WireMockRuntimeInfo wm, RetryPolicy policy, DoubleSupplier random) {
    stubFor(
        get("/r").willReturn(aResponse().withStatus(500).withHeader("x-ms-request-id", "req-9")));
    try (HttpPipeline p =
        HttpPipeline.builder(ClientOptions.builder().timeSource(time).retryPolicy(policy).build())
            .random(random)
            .build()) {
      return catchThrowableOfType(
          ServiceException.class,
          () -> p.send(ApiRequest.get(HttpUrl.get(wm.getHttpBaseUrl() + "/r")).build()));
    }
  }

  @Test
  void repeatableGetGivesUpAtMaxAttemptsWithTheStatus(WireMockRuntimeInfo wm) {
    ServiceException e = failingGet(wm, RetryPolicy.builder().maxAttempts(3).build(), () -> 0.5);

    assertThat(e).isExactlyInstanceOf(ServiceException.class);
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.requestId()).contains("req-9");
    verify(3, getRequestedFor(urlPathEqualTo("/r")));
    assertThat(time.waits()).containsExactly(Duration.ofMillis(400), Duration.ofMillis(800));
  }

  @Test
  void noRetryPolicySendsOnce(WireMockRuntimeInfo wm) {
    ServiceException e = failingGet(wm, RetryPolicy.none(), () -> 0.5);

    assertThat(e.statusCode()).isEqualTo(500);
    verify(1, getRequestedFor(urlPathEqualTo("/r")));
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void backoffNearTopOfJitterStaysUnderExponentialCeilingAndMaxDelay(WireMockRuntimeInfo wm) {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(6)
            .baseDelay(Duration.ofMillis(100))
            .maxDelay(Duration.ofMillis(250))
            .build();

    failingGet(wm, policy, () -> 0.9999999);

    verify(6, getRequestedFor(urlPathEqualTo("/r")));
    assertThat(time.waits())
        .containsExactly(
            Duration.ofMillis(99),
            Duration.ofMillis(199),
            Duration.ofMillis(249),
            Duration.ofMillis(249),
            Duration.ofMillis(249));
  }

  @Test
  void backoffAtBottomOfJitterIsNoWait(WireMockRuntimeInfo wm) {
    failingGet(wm, RetryPolicy.defaults(), () -> 0.0);

    verify(4, getRequestedFor(urlPathEqualTo("/r")));
    assertThat(time.waits()).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }
}
