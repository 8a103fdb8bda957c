package dev.rekey.azure.storage.model;

import dev.rekey.azure.RotationEvidence;
import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * A classic storage service's access keys after a call: both keys as {@link Secret} (their {@code
 * toString} is {@code ****}), the service URL, and the request id the service logged the call
 * under.
 */
@Value.Immutable
@RekeyStyle
public abstract class StorageServiceKeys {
  StorageServiceKeys() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder. */
  public static Builder builder() {
    return ImmutableStorageServiceKeys.builder();
  }

  /** Returns the Service Management URL of the storage service. */
  public abstract String url();

  /** Returns the primary key. */
  public abstract Secret primary();

  /** Returns the secondary key. */
  public abstract Secret secondary();

  /**
   * Returns the service's {@code x-ms-request-id} of the answer that carried these keys, if it sent
   * one: the regeneration's own answer, or, when the service accepted it for later (202), the read
   * of the keys that followed (the regeneration's id is then its operation's id).
   */
  public abstract Optional<String> requestId();

  /**
   * Returns how the SDK knows the regeneration took effect: {@link RotationEvidence#ANSWERED}
   * unless a lost answer was settled with {@code confirmOutcome(true)}; {@link
   * RotationEvidence#ANSWERED} for a read too.
   */
  @Value.Default
  public RotationEvidence evidence() {
    return RotationEvidence.ANSWERED;
  }

  /** Returns the key of {@code type}. */
  public Secret key(KeyType type) {
    return type == KeyType.PRIMARY ? primary() : secondary();
  }

  /** Builds a classic storage service's keys, e.g. in tests of code that consumes one. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(StorageServiceKeys instance);

    /** Sets the Service Management URL of the storage service. */
    public abstract Builder url(String url);

    /** Sets the primary key. */
    public abstract Builder primary(Secret primary);

    /** Sets the secondary key. */
    public abstract Builder secondary(Secret secondary);

    /** Sets the service's {@code x-ms-request-id} for the call; null if it sent none. */
    public abstract Builder requestId(@Nullable String requestId);

    /** Sets or unsets the request id, as {@link #requestId(String)}. */
    public abstract Builder requestId(Optional<String> requestId);

    /** Sets how the SDK knows the keys are current; {@link RotationEvidence#ANSWERED} if unset. */
    public abstract Builder evidence(RotationEvidence evidence);

    /**
     * Returns the StorageServiceKeys.
     *
     * @throws ValidationException naming the first field that is missing
     */
    public abstract StorageServiceKeys build();
  }
}
