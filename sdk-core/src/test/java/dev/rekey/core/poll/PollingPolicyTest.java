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
  void neverWaitsLessThanTheFloorWhateverTheServiceAsks() {
    PollingPolicy p = PollingPolicy.defaults();
    assertThat(p.minInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.cap(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.cap(Duration.ofMillis(999))).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.cap(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void floorFollowsAShorterFirstIntervalUnlessSet() {
    assertThat(PollingPolicy.builder().initialInterval(Duration.ofMillis(5)).build().minInterval())
        .isEqualTo(Duration.ofMillis(5));
    assertThat(
            PollingPolicy.builder().minInterval(Duration.ofSeconds(3)).build().cap(Duration.ZERO))
        .isEqualTo(Duration.ofSeconds(3));
    assertThatThrownBy(() -> PollingPolicy.builder().minInterval(Duration.ZERO).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("pollingPolicy.minInterval \"PT0S\" must be positive");
    assertThatThrownBy(() -> PollingPolicy.builder().minInterval(Duration.ofSeconds(11)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("pollingPolicy.minInterval \"PT11S\" must not exceed maxInterval PT10S");
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
            () ->
                PollingPolicy.builder()
                    .initialInterval(Duration.ofSeconds(20))
                    .maxInterval(Duration.ofSeconds(10))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("pollingPolicy.initialInterval \"PT20S\" must not exceed maxInterval PT10S");
    assertThatThrownBy(() -> PollingPolicy.builder().multiplier(0.5).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("pollingPolicy.multiplier \"0.5\" must be at least 1.0");
  }
}
