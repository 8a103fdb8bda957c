package dev.rekey.core.retry;

import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import java.time.Duration;
import java.util.Set;
import org.immutables.value.Value;

/**
 * When and how long a client waits before sending a failed call again.
 *
 * <p>Waits grow exponentially with full jitter: before retry {@code n} the client waits a random
 * time in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}. When the service says how long to wait
 * ({@code Retry-After} in seconds or as an HTTP date, {@code retry-after-ms}, {@code
 * x-ms-retry-after-ms}) the client waits that long instead, but never more than {@link
 * #maxServerDelay()}. A call the service throttled (429) or declared unavailable (503) is never
 * sent again sooner than {@link #minDelay()}, even when the service asks for no wait ({@code
 * Retry-After: 0}).
 *
 * <p>Calls that change a credential are re-sent only when the service provably did not process
 * them: the connection failed before the request was written, or the service answered 429, or 503
 * with {@code Retry-After}. Otherwise the client throws {@link
 * dev.rekey.core.OutcomeUnknownException}.
 */
@Value.Immutable
@RekeyStyle
public abstract class RetryPolicy {
  RetryPolicy() {} // only the generated implementation extends it: none skips its checks

  /** Returns the defaults: 4 attempts, 800 ms base, 30 s max backoff, 60 s max server wait. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** Returns a policy that sends every call once. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the most times one call is sent, the first included. */
  @Value.Default
  public int maxAttempts() {
    return 4;
  }

  /**
   * Returns the wait ceiling before the first retry; it doubles per retry up to {@link
   * #maxDelay()}.
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofMillis(800);
  }

  /** Returns the most the client waits between attempts by its own backoff. */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(30);
  }

  /** Returns the most the client waits when a service asks for a longer wait. */
  @Value.Default
  public Duration maxServerDelay() {
    return Duration.ofSeconds(60);
  }

  /**
   * Returns the shortest wait before re-sending a call answered 429 or 503, or any call whose
   * service named a wait; default 250 ms, or {@link #baseDelay()} or {@link #maxServerDelay()} when
   * shorter. Not negative, at most {@link #maxServerDelay()}.
   */
  @Value.Default
  public Duration minDelay() {
    Duration d = Duration.ofMillis(250);
    d = baseDelay().compareTo(d) < 0 ? baseDelay() : d;
    return maxServerDelay().compareTo(d) < 0 ? maxServerDelay() : d;
  }

  /** Returns the HTTP statuses worth another attempt: 408, 429, 500, 502, 503, 504 by default. */
  @Value.Default
  public Set<Integer> retryableStatusCodes() {
    return Set.of(408, 429, 500, 502, 503, 504);
  }

  /**
   * Returns the backoff before retry number {@code retry} (1 for the first retry), given a uniform
   * random number in {@code [0, 1)}.
   */
  public Duration backoff(int retry, double random) {
    long base = baseDelay().toMillis();
    long ceiling = maxDelay().toMillis();
    int shift = Math.max(0, retry - 1);
    // base << shift must not lose bits: a wrapped shift can come out 0 or small and end the
    // backoff.
    boolean overflows = base != 0 && shift >= Long.numberOfLeadingZeros(base) - 1;
    long exp = overflows ? ceiling : Math.min(ceiling, base << shift);
    return Duration.ofMillis((long) Math.floor(exp * random));
  }

  /**
   * Returns {@code serverDelay} raised to {@link #minDelay()} and capped at {@link
   * #maxServerDelay()}.
   */
  public Duration capServerDelay(Duration serverDelay) {
    if (serverDelay.compareTo(minDelay()) < 0) {
      return minDelay();
    }
    return serverDelay.compareTo(maxServerDelay()) > 0 ? maxServerDelay() : serverDelay;
  }

  @Value.Check
  void check() {
    Check.atLeast("retryPolicy.maxAttempts", maxAttempts(), 1);
    Check.notNegative("retryPolicy.baseDelay", baseDelay());
    Check.notNegative("retryPolicy.maxDelay", maxDelay());
    Check.notNegative("retryPolicy.maxServerDelay", maxServerDelay());
    Check.notNegative("retryPolicy.minDelay", minDelay());
    if (minDelay().compareTo(maxServerDelay()) > 0) {
      throw new dev.rekey.core.ValidationException(
          "retryPolicy.minDelay",
          Check.quote(minDelay().toString()),
          "must not exceed maxServerDelay " + maxServerDelay());
    }
  }

  /**
   * Builds a {@link RetryPolicy}; {@code build()} throws {@link dev.rekey.core.ValidationException}
   * on bad values.
   */
  public static final class Builder extends ImmutableRetryPolicy.Builder {}
}
