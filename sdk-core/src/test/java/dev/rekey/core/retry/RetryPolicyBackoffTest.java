package dev.rekey.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyBackoffTest {
  private final RetryPolicy policy =
      RetryPolicy.builder()
          .baseDelay(Duration.ofMillis(100))
          .maxDelay(Duration.ofMillis(1000))
          .build();

  @ParameterizedTest(name = "retry {0}, random {1} -> {2} ms")
  @CsvSource({
    "1, 0.0, 0",
    "1, 0.5, 50",
    "1, 0.9999999, 99",
    "2, 0.9999999, 199",
    "3, 0.9999999, 399",
    "4, 0.9999999, 799",
    "5, 0.9999999, 999",
    "5, 0.5, 500",
    "30, 0.9999999, 999",
    "31, 0.9999999, 999",
    "1000, 0.9999999, 999",
    "1000, 0.0, 0",
  })
  void backoffIsFullJitterUnderTheExponentialCeiling(int retry, double random, long expectedMs) {
    assertThat(policy.backoff(retry, random)).isEqualTo(Duration.ofMillis(expectedMs));
  }

  @ParameterizedTest(name = "retry {0}")
  @CsvSource({"1", "2", "3", "10", "29", "30", "31", "62", "63", "64", "100000"})
  void backoffStaysWithinBoundsForAnyRetry(int retry) {
    long ceiling = Math.min(1000, retry >= 31 ? Long.MAX_VALUE : 100L << (retry - 1));
    for (double r : new double[] {0.0, 0.25, 0.999999999}) {
      Duration wait = policy.backoff(retry, r);
      assertThat(wait).isBetween(Duration.ZERO, Duration.ofMillis(ceiling));
    }
    assertThat(policy.backoff(retry, 0.999999999)).isEqualTo(Duration.ofMillis(ceiling - 1));
  }

  @ParameterizedTest(name = "retry {0}")
  @CsvSource({"1", "20", "25", "30", "31", "40"})
  void hugeBaseDelayNeverOverflowsBelowTheCeiling(int retry) {
    RetryPolicy huge =
        RetryPolicy.builder()
            .baseDelay(Duration.ofDays(365 * 100))
            .maxDelay(Duration.ofHours(1))
            .build();
    assertThat(huge.backoff(retry, 0.5)).isEqualTo(Duration.ofMinutes(30));
  }

  @ParameterizedTest(name = "retry {0}")
  @CsvSource({"1", "20", "24", "25", "26", "30", "31", "64"})
  void baseDelayWhoseShiftWrapsToZeroStillWaitsTheCeiling(int retry) {
    RetryPolicy wraps =
        RetryPolicy.builder()
            .baseDelay(Duration.ofMillis(1L << 40))
            .maxDelay(Duration.ofHours(1))
            .build();
    assertThat(wraps.backoff(retry, 0.5)).isEqualTo(Duration.ofMinutes(30));
  }

  @ParameterizedTest(name = "{0} ms asked")
  @CsvSource({
    "0, 250",
    "249, 250",
    "5000, 5000",
    "60000, 60000",
    "61000, 60000",
    "86400000, 60000"
  })
  void raisesServerDelayToTheFloorAndCapsIt(long askedMillis, long expectedMillis) {
    assertThat(RetryPolicy.defaults().capServerDelay(Duration.ofMillis(askedMillis)))
        .isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @Test
  void floorDefaultsTo250MillisOrTheBaseOrServerCapWhenShorter() {
    assertThat(RetryPolicy.defaults().minDelay()).isEqualTo(Duration.ofMillis(250));
    assertThat(RetryPolicy.builder().baseDelay(Duration.ofMillis(1)).build().minDelay())
        .isEqualTo(Duration.ofMillis(1));
    assertThat(RetryPolicy.builder().maxServerDelay(Duration.ofMillis(50)).build().minDelay())
        .isEqualTo(Duration.ofMillis(50));
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .minDelay(Duration.ofSeconds(2))
                    .maxServerDelay(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("retryPolicy.minDelay \"PT2S\" must not exceed maxServerDelay PT1S");
  }
}
