package dev.rekey.netapp.model;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A bucket's newly generated key pair: the access key and secret key an S3 client signs with, and
 * when the pair expires (UTC). {@code toString} masks both keys; call {@link Secret#reveal()} only
 * where a key must leave the program. Use {@link #expiresWithin(Duration, Instant)} to rotate in
 * time.
 *
 * <p>The reference marks every field of the answer optional: a pair answered without a readable
 * expiry is still returned (a generated pair is never thrown away), its {@link #keyPairExpiry()}
 * reckoned from the request and {@link #expiryEstimated()} true.
 */
@Value.Immutable
@RekeyStyle
public abstract class BucketCredentials {
  BucketCredentials() {}

  /** Returns a builder, e.g. for tests of code that consumes credentials. */
  public static Builder builder() {
    return ImmutableBucketCredentials.builder();
  }

  /** Returns the access key (the S3 access key id). */
  public abstract Secret accessKey();

  /** Returns the secret key. */
  public abstract Secret secretKey();

  /**
   * Returns when the key pair expires (UTC): the service's {@code keyPairExpiry}, or, when the
   * answer had none that could be read ({@link #expiryEstimated()}), the days the request asked for
   * counted from when it was sent, which is no later than the service's own reckoning, so a
   * rotation planned on it is never late.
   */
  public abstract Instant keyPairExpiry();

  /** Returns when the key pair expires; the same as {@link #keyPairExpiry()}. */
  public Instant expiresAt() {
    return keyPairExpiry();
  }

  /**
   * Returns whether {@link #keyPairExpiry()} was reckoned from the request because the answer had
   * no readable {@code keyPairExpiry}; false when the service said it.
   */
  @Value.Default
  public boolean expiryEstimated() {
    return false;
  }

  /**
   * Returns whether the key pair has expired or expires within {@code window} after {@code now},
   * i.e. whether it is time to generate a new one.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public boolean expiresWithin(Duration window, Instant now) {
    Objects.requireNonNull(window, "window == null");
    Objects.requireNonNull(now, "now == null");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative, was " + window);
    }
    return !keyPairExpiry().isAfter(now.plus(window));
  }

  /**
   * Returns whether the key pair has expired or expires within {@code window} of {@code clock}'s
   * now.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public boolean expiresWithin(Duration window, Clock clock) {
    return expiresWithin(window, Objects.requireNonNull(clock, "clock == null").instant());
  }

  /**
   * Returns whether the key pair has expired at {@code now}.
   *
   * @throws NullPointerException if {@code now} is null
   */
  public boolean isExpiredAt(Instant now) {
    return expiresWithin(Duration.ZERO, now);
  }

  /**
   * Returns how long the key pair stays valid after {@code now}; zero once it has expired.
   *
   * @throws NullPointerException if {@code now} is null
   */
  public Duration remainingValidity(Instant now) {
    Duration left = Duration.between(Objects.requireNonNull(now, "now == null"), keyPairExpiry());
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Builds a bucket's key pair, e.g. in tests of code that consumes one. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(BucketCredentials instance);

    /** Sets the access key (the S3 access key id). */
    public abstract Builder accessKey(Secret accessKey);

    /** Sets the secret key. */
    public abstract Builder secretKey(Secret secretKey);

    /** Sets when the key pair expires. */
    public abstract Builder keyPairExpiry(Instant keyPairExpiry);

    /** Sets whether the expiry was reckoned from the request; false by default. */
    public abstract Builder expiryEstimated(boolean expiryEstimated);

    /**
     * Returns the BucketCredentials.
     *
     * @throws ValidationException naming the first field that is missing
     */
    public abstract BucketCredentials build();
  }
}
