package dev.rekey.ontap.model;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import org.immutables.value.Value;

/**
 * A change of the password of the account the client logs in with (basic authentication); the
 * client uses the new password for its later calls. A lost answer is always confirmed, since the
 * client would otherwise not know its own password. {@code toString} shows the password as {@code
 * ****}.
 *
 * <pre>{@code
 * ontap.changeOwnPassword(r -> r.password(Secret.of(newPassword)));
 * }</pre>
 */
@Value.Immutable
@RekeyStyle
public abstract class OwnPasswordChangeRequest {
  OwnPasswordChangeRequest() {} // only the generated implementation extends it: none skips its

  // checks

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad value. */
  public static Builder builder() {
    return ImmutableOwnPasswordChangeRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the new password, 1–128 characters (the cluster's policy may ask for more). */
  public abstract Secret password();

  @Value.Check
  void check() {
    Check.secretLength("password", password(), 1, 128);
  }

  /**
   * Builds an {@link OwnPasswordChangeRequest}: set {@link #password}; {@code build()} validates
   * it.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(OwnPasswordChangeRequest instance);

    /** Sets the new password, 1–128 characters (the cluster's policy may ask for more). */
    public abstract Builder password(Secret password);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming {@code password} when it is missing or not 1–128
     *     characters
     */
    public abstract OwnPasswordChangeRequest build();
  }
}
