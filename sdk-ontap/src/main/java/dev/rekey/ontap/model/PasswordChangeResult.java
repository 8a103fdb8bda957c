package dev.rekey.ontap.model;

import dev.rekey.core.internal.RekeyStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** A password change that took effect: which account, where ONTAP says it lives, and how we know. */
@Value.Immutable
@RekeyStyle
public abstract class PasswordChangeResult {

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the account's user name. */
  public abstract String accountName();

  /** Returns the owning SVM as the request named it (name or uuid), or empty for a cluster account. */
  public abstract Optional<String> owner();

  /** Returns the cluster's {@code Location} header for the account, when it sent one. */
  public abstract Optional<String> location();

  /** Returns the uuid of the job that applied the change, when the cluster answered with a job. */
  public abstract Optional<String> jobUuid();

  /** Returns how the SDK established that the change took effect. */
  public abstract ChangeEvidence evidence();

  /** Builds a {@link PasswordChangeResult}. */
  public static final class Builder extends ImmutablePasswordChangeResult.Builder {}
}
