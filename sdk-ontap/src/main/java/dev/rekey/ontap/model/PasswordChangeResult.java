package dev.rekey.ontap.model;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A password change that took effect: which account, where ONTAP says it lives, and how we know.
 */
@Value.Immutable
@RekeyStyle
public abstract class PasswordChangeResult {
  PasswordChangeResult() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder. */
  public static Builder builder() {
    return ImmutablePasswordChangeResult.builder();
  }

  /** Returns the account's user name. */
  public abstract String accountName();

  /**
   * Returns the owning SVM as the request named it (name or uuid), or empty for a cluster account.
   */
  public abstract Optional<String> owner();

  /** Returns the cluster's {@code Location} header for the account, when it sent one. */
  public abstract Optional<String> location();

  /** Returns the uuid of the job that applied the change, when the cluster answered with a job. */
  public abstract Optional<String> jobUuid();

  /** Returns how the SDK established that the change took effect. */
  public abstract ChangeEvidence evidence();

  /** Builds a {@link PasswordChangeResult}, e.g. in tests of code that consumes one. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(PasswordChangeResult instance);

    /** Sets the account's user name. */
    public abstract Builder accountName(String accountName);

    /** Sets the owning SVM as the request named it (name or uuid); null for a cluster account. */
    public abstract Builder owner(@Nullable String owner);

    /** Sets or unsets the owner, as {@link #owner(String)}. */
    public abstract Builder owner(Optional<String> owner);

    /** Sets the cluster's {@code Location} header for the account; null if it sent none. */
    public abstract Builder location(@Nullable String location);

    /** Sets or unsets the location, as {@link #location(String)}. */
    public abstract Builder location(Optional<String> location);

    /**
     * Sets the uuid of the job that applied the change; null if the cluster answered without a job.
     */
    public abstract Builder jobUuid(@Nullable String jobUuid);

    /** Sets or unsets the job uuid, as {@link #jobUuid(String)}. */
    public abstract Builder jobUuid(Optional<String> jobUuid);

    /** Sets how the SDK established that the change took effect. */
    public abstract Builder evidence(ChangeEvidence evidence);

    /**
     * Returns the PasswordChangeResult.
     *
     * @throws ValidationException naming the first field that is missing
     */
    public abstract PasswordChangeResult build();
  }
}
