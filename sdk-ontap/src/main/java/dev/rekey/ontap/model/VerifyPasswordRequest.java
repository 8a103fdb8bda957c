package dev.rekey.ontap.model;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import org.immutables.value.Value;

/**
 * A check whether an account logs in to the client's address with a password ({@code GET
 * /api/cluster?fields=version} with those credentials); nothing is changed. {@code toString} shows
 * the password as {@code ****}.
 *
 * <pre>{@code
 * boolean works = ontap.verifyPassword(r -> r.name("svm_user1").password(Secret.of(newPassword)));
 * }</pre>
 */
@Value.Immutable
@RekeyStyle
public abstract class VerifyPasswordRequest {
  VerifyPasswordRequest() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad value. */
  public static Builder builder() {
    return ImmutableVerifyPasswordRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the account's user name, as it logs in. */
  public abstract String name();

  /** Returns the password to try. */
  public abstract Secret password();

  @Value.Check
  void check() {
    Check.matches("name", name(), PasswordChangeRequest.NAME, PasswordChangeRequest.NAME_RULE);
  }

  /**
   * Builds a {@link VerifyPasswordRequest}: set {@link #name} and {@link #password}; {@code
   * build()} validates.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(VerifyPasswordRequest instance);

    /** Sets the account's user name, as it logs in. */
    public abstract Builder name(String name);

    /** Sets the password to try. */
    public abstract Builder password(Secret password);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the field when one is missing ({@code name}, {@code
     *     password}) or invalid
     */
    public abstract VerifyPasswordRequest build();
  }
}
