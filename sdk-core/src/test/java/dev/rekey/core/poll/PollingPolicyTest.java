package dev.rekey.core.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollingPolicyTest {
  @Test
  void growsByTheMultiplierUpToTheCap() {
    PollingPolicy p = PollingPolicy.defaults();
    assertThat(p.next(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(1500));
    assertThat(p.next(Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.cap(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void refusesIntervalsThatWouldPollWithoutWaitingOrBeyondTheCap() {
    assertThatThrownBy(() -> PollingPolicy.builder().initialInterval(Duration.ZERO).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("pollingPolicy.initialInterval \"PT0S\" must be positive");
    assertThatThrownBy(() -> PollingPolicy.builder().maxInterval(Duration.ofSeconds(-1)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("pollingPolicy.maxInterval");
    assertThatThrownBy(
            () -> PollingPolicy.builder().initialInterval(Duration.ofSeconds(20)).maxInterval(Duration.ofSeconds(10)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("pollingPolicy.initialInterval \"PT20S\" must not exceed maxInterval PT10S");
    assertThatThrownBy(() -> PollingPolicy.builder().multiplier(0.5).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("pollingPolicy.multiplier \"0.5\" must be at least 1.0");
  }
}
