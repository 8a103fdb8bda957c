package dev.rekey.netapp.model;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import java.time.Duration;
import java.time.Period;
import java.util.Objects;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * What to ask Azure NetApp Files for: a new access key and secret key for the bucket at {@link
 * #address()}, expiring {@link #keyPairExpiryDays()} days from when the service generates them.
 * Every call generates a fresh key pair; the previous one stops working.
 */
@Value.Immutable
@RekeyStyle
public abstract class BucketCredentialsRequest {
  BucketCredentialsRequest() {}

  /**
   * Returns a builder; {@code build()} throws {@link ValidationException} naming the field and
   * rule.
   */
  public static Builder builder() {
    return ImmutableBucketCredentialsRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the bucket whose key pair is generated. */
  public abstract BucketAddress address();

  /**
   * Returns the number of days from generation until the key pair expires; at least 1.
   *
   * <p>Required here although the reference page marks {@code keyPairExpiryDays} optional (minimum
   * 1): users report that the service rejects a body without it (it then defaults to 0, below the
   * minimum), so Rekey always sends it. The page and spec give no maximum, so none is checked here;
   * the service answers an out-of-range value with its own error.
   */
  public abstract int keyPairExpiryDays();

  @Value.Check
  final void check() {
    Check.atLeast("keyPairExpiryDays", keyPairExpiryDays(), 1);
  }

  /**
   * Builds a {@link BucketCredentialsRequest}: set the bucket (by {@link #address(BucketAddress)},
   * {@link #address(Consumer)} or {@link #bucketId(String)}) and the expiry (by {@link
   * #keyPairExpiryDays(int)} or {@code expiresIn}); {@code build()} validates.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(BucketCredentialsRequest instance);

    /** Sets the bucket whose key pair is generated. */
    public abstract Builder address(BucketAddress address);

    /** Sets the number of days from generation until the key pair expires: at least 1. */
    public abstract Builder keyPairExpiryDays(int keyPairExpiryDays);

    /**
     * Sets the address from a bucket's full ARM resource id.
     *
     * @throws ValidationException as {@link BucketAddress#parse(String)} does
     */
    public Builder bucketId(String resourceId) {
      return address(BucketAddress.parse(resourceId));
    }

    /**
     * Builds the address with {@code address} and sets it.
     *
     * @throws ValidationException naming the address field that is missing or breaks its rule
     */
    public Builder address(Consumer<BucketAddress.Builder> address) {
      BucketAddress.Builder b = BucketAddress.builder();
      address.accept(b);
      return address(b.build());
    }

    /**
     * Sets the expiry as a duration of whole days, e.g. {@code Duration.ofDays(30)}.
     *
     * @throws ValidationException {@code keyPairExpiryDays "PT36H" must be a whole number of days,
     *     at least 1}, or when it exceeds {@link Integer#MAX_VALUE} days
     */
    public Builder expiresIn(Duration expiry) {
      Objects.requireNonNull(expiry, "expiry == null");
      long days = expiry.toDays();
      // Duration.ofDays, not multipliedBy: that one multiplies in BigDecimal, on every call.
      if (days < 1 || !expiry.equals(Duration.ofDays(days))) {
        throw new ValidationException(
            "keyPairExpiryDays",
            Check.quote(expiry.toString()),
            "must be a whole number of days, at least 1");
      }
      if (days > Integer.MAX_VALUE) {
        throw new ValidationException(
            "keyPairExpiryDays",
            Check.quote(expiry.toString()),
            "must be at most " + Integer.MAX_VALUE + " days");
      }
      return keyPairExpiryDays((int) days);
    }

    /**
     * Sets the expiry as a period of days (or weeks), e.g. {@code Period.ofDays(30)}; months and
     * years have no fixed length and are refused.
     *
     * @throws ValidationException {@code keyPairExpiryDays "P1M" must be given in days, at least 1}
     */
    public Builder expiresIn(Period expiry) {
      Objects.requireNonNull(expiry, "expiry == null");
      if (expiry.getYears() != 0 || expiry.getMonths() != 0 || expiry.getDays() < 1) {
        throw new ValidationException(
            "keyPairExpiryDays",
            Check.quote(expiry.toString()),
            "must be given in days (months and years have no fixed length), at least 1");
      }
      return keyPairExpiryDays(expiry.getDays());
    }

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the field that is missing or breaks its rule
     */
    public abstract BucketCredentialsRequest build();
  }
}
