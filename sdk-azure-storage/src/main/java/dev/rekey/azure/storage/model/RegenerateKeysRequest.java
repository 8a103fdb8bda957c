package dev.rekey.azure.storage.model;

import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import org.immutables.value.Value;

/** A request to regenerate one key of a classic storage service. */
@Value.Immutable
@RekeyStyle
public abstract class RegenerateKeysRequest {
  RegenerateKeysRequest() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return ImmutableRegenerateKeysRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the storage service (account) name: 3–24 lowercase letters and digits. */
  public abstract String serviceName();

  /** Returns which key to regenerate. */
  public abstract KeyType keyType();

  /**
   * Returns whether, when the answer to the regeneration was lost, the SDK may establish what
   * happened: it reads the keys ({@code getKeys}) before sending, and after a lost answer reads
   * them again. The key changed: applied, and the keys read are the result (evidence {@link
   * dev.rekey.azure.RotationEvidence#CONFIRMED_BY_READ}). Unchanged: not applied, so the
   * regeneration is sent once more and its answer is the result ({@link
   * dev.rekey.azure.RotationEvidence#RESENT_AND_APPLIED}) once one more read still shows it (else a
   * first send landed after it, and the keys read are the result); if that answer is lost too, a
   * third read settles it, or {@link dev.rekey.core.OutcomeUnknownException} counting both sends. A
   * read that fails ends in {@link dev.rekey.core.OutcomeUnknownException}. An operation the
   * service accepted (202) whose outcome was then lost is not settled. Off by default: then a lost
   * answer throws {@link dev.rekey.core.OutcomeUnknownException} at once.
   */
  @Value.Default
  public boolean confirmOutcome() {
    return false;
  }

  @Value.Check
  void check() {
    StorageNames.account("serviceName", serviceName());
  }

  /** Builds a {@link RegenerateKeysRequest}: set both fields; {@code build()} validates them. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(RegenerateKeysRequest instance);

    /** Sets the storage service (account) name: 3–24 lowercase letters and digits. */
    public abstract Builder serviceName(String serviceName);

    /** Sets which key to regenerate. */
    public abstract Builder keyType(KeyType keyType);

    /**
     * Sets whether a lost answer is settled by reading the credential's state (default false): see
     * {@link RegenerateKeysRequest#confirmOutcome()}.
     */
    public abstract Builder confirmOutcome(boolean confirmOutcome);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    public abstract RegenerateKeysRequest build();
  }
}
