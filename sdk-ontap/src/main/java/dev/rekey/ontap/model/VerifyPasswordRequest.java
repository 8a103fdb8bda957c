package dev.rekey.ontap.model;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.Required;
import org.immutables.value.Value;

/**
 * A check whether an account logs in to the client's address with a password ({@code GET
 * /api/cluster?fields=version} with those credentials); nothing is changed. {@code toString} shows the
 * password as {@code ****}.
 *
 * <pre>{@code
 * boolean works = ontap.verifyPassword(r -> r.name("svm_user1").password(Secret.of(newPassword)));
 * }</pre>
 */
@Value.Immutable
@RekeyStyle
public abstract class VerifyPasswordRequest {

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad value. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the account's user name, as it logs in. */
  public abstract String name();

  /** Returns the password to try. */
  public abstract Secret password();

  @Value.Check
  void check() {
    Check.matches("name", name(), PasswordChangeRequest.NAME, PasswordChangeRequest.NAME_RULE);
  }

  /** Builds a {@link VerifyPasswordRequest}; {@code build()} validates every field. */
  public static final class Builder extends ImmutableVerifyPasswordRequest.Builder {
    /**
     * Returns the request.
     *
     * @throws ValidationException naming the field when one is missing ({@code name}, {@code
     *     password}) or invalid
     */
    @Override
    public VerifyPasswordRequest build() {
      return Required.build(super::build);
    }
  }
}
