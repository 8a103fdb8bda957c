package dev.rekey.core.poll;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How a client waits for an asynchronous operation: it polls after the service's {@code Retry-After}
 * when given, else after {@link #initialInterval()}, growing by {@link #multiplier()} up to {@link
 * #maxInterval()}, and gives up with {@link dev.rekey.core.PollingTimeoutException} after {@link
 * #timeout()}.
 */
@Value.Immutable
@RekeyStyle
public abstract class PollingPolicy {

  /** Returns the defaults: 1 s first interval, x1.5 growth, 10 s cap, 10 min deadline. */
  public static PollingPolicy defaults() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the wait before the first poll when the service gives none. */
  @Value.Default
  public Duration initialInterval() {
    return Duration.ofSeconds(1);
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

  /** Returns {@code serverInterval} capped at {@link #maxInterval()}. */
  public Duration cap(Duration serverInterval) {
    return serverInterval.compareTo(maxInterval()) > 0 ? maxInterval() : serverInterval;
  }

  @Value.Check
  void check() {
    if (multiplier() < 1.0) {
      throw new ValidationException(
          "pollingPolicy.multiplier", String.valueOf(multiplier()), "must be at least 1.0");
    }
    if (timeout().isNegative() || timeout().isZero()) {
      throw new ValidationException("pollingPolicy.timeout", timeout().toString(), "must be positive");
    }
    if (initialInterval().isNegative()) {
      throw new ValidationException(
          "pollingPolicy.initialInterval", initialInterval().toString(), "must not be negative");
    }
  }

  /** Builds a {@link PollingPolicy}; {@code build()} throws {@link ValidationException} on bad values. */
  public static final class Builder extends ImmutablePollingPolicy.Builder {}
}
