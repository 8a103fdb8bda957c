package dev.rekey.core.poll;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How a client waits for an asynchronous operation: it polls after the service's {@code
 * Retry-After} when given, else after {@link #initialInterval()}, growing by {@link #multiplier()}
 * up to {@link #maxInterval()}, and gives up with {@link dev.rekey.core.PollingTimeoutException}
 * after {@link #timeout()}. No wait is shorter than {@link #minInterval()}, whatever the service
 * asks ({@code Retry-After: 0} would otherwise poll thousands of times a second).
 */
@Value.Immutable
@RekeyStyle
public abstract class PollingPolicy {
  PollingPolicy() {} // only the generated implementation extends it: none skips its checks

  /** Returns the defaults: 1 s first interval and floor, x1.5 growth, 10 s cap, 10 min deadline. */
  public static PollingPolicy defaults() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the wait before the first poll when the service gives none; positive, at most {@link
   * #maxInterval()}.
   */
  @Value.Default
  public Duration initialInterval() {
    return Duration.ofSeconds(1);
  }

  /**
   * Returns the shortest wait between polls, whatever the service asks; default 1 s, or {@link
   * #initialInterval()} when that is shorter. Positive, at most {@link #maxInterval()}.
   */
  @Value.Default
  public Duration minInterval() {
    Duration oneSecond = Duration.ofSeconds(1);
    return initialInterval().compareTo(oneSecond) < 0 ? initialInterval() : oneSecond;
  }

  /** Returns the factor each wait grows by. */
  @Value.Default
  public double multiplier() {
    return 1.5;
  }

  /** Returns the longest wait between polls, the service's own {@code Retry-After} included. */
  @Value.Default
  public Duration maxInterval() {
    return Duration.ofSeconds(10);
  }

  /** Returns how long to poll in all before giving up. */
  @Value.Default
  public Duration timeout() {
    return Duration.ofMinutes(10);
  }

  /** Returns the wait after {@code previous} when the service gave no {@code Retry-After}. */
  public Duration next(Duration previous) {
    long grown = (long) (previous.toMillis() * multiplier());
    return Duration.ofMillis(Math.min(grown, maxInterval().toMillis()));
  }

  /**
   * Returns {@code interval} raised to {@link #minInterval()} and capped at {@link #maxInterval()}.
   */
  public Duration cap(Duration interval) {
    if (interval.compareTo(minInterval()) < 0) {
      return minInterval();
    }
    return interval.compareTo(maxInterval()) > 0 ? maxInterval() : interval;
  }

  @Value.Check
  void check() {
    Check.positive("pollingPolicy.initialInterval", initialInterval());
    Check.positive("pollingPolicy.maxInterval", maxInterval());
    Check.positive("pollingPolicy.minInterval", minInterval());
    Check.positive("pollingPolicy.timeout", timeout());
    if (multiplier() < 1.0) {
      throw new ValidationException(
          "pollingPolicy.multiplier",
          Check.quote(String.valueOf(multiplier())),
          "must be at least 1.0");
    }
    if (initialInterval().compareTo(maxInterval()) > 0) {
      throw new ValidationException(
          "pollingPolicy.initialInterval",
          Check.quote(initialInterval().toString()),
          "must not exceed maxInterval " + maxInterval());
    }
    if (minInterval().compareTo(maxInterval()) > 0) {
      throw new ValidationException(
          "pollingPolicy.minInterval",
          Check.quote(minInterval().toString()),
          "must not exceed maxInterval " + maxInterval());
    }
  }

  /**
   * Builds a {@link PollingPolicy}; {@code build()} throws {@link ValidationException} on bad
   * values.
   */
  public static final class Builder extends ImmutablePollingPolicy.Builder {}
}
