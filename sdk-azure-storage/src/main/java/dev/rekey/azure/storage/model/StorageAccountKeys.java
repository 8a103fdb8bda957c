package dev.rekey.azure.storage.model;

import dev.rekey.azure.RotationEvidence;
import dev.rekey.core.internal.RekeyStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Azure Resource Manager storage account's keys after a call: every key the service returned,
 * each value a {@link dev.rekey.core.Secret} (its {@code toString} is {@code ****}).
 */
@Value.Immutable
@RekeyStyle
public abstract class StorageAccountKeys {
  StorageAccountKeys() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder. */
  public static Builder builder() {
    return ImmutableStorageAccountKeys.builder();
  }

  /** Returns every key, in the order the service sent them. */
  public abstract List<StorageAccountKey> keys();

  /** Returns the key named {@code name}, if the service returned it. */
  public Optional<StorageAccountKey> key(KeyName name) {
    return keys().stream().filter(k -> k.keyName().equalsIgnoreCase(name.wireName())).findFirst();
  }

  /**
   * Returns how the SDK knows the keys are current: {@link RotationEvidence#ANSWERED}, unless a
   * lost answer was settled with {@code confirmOutcome(true)}.
   */
  @Value.Default
  public RotationEvidence evidence() {
    return RotationEvidence.ANSWERED;
  }

  /** Builds {@link StorageAccountKeys}, e.g. in tests of code that consumes them. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(StorageAccountKeys instance);

    /** Adds a key. */
    public abstract Builder addKey(StorageAccountKey element);

    /** Adds keys. */
    public abstract Builder addKeys(StorageAccountKey... elements);

    /** Sets the keys, replacing any added before. */
    public abstract Builder keys(Iterable<? extends StorageAccountKey> elements);

    /** Adds keys. */
    public abstract Builder addAllKeys(Iterable<? extends StorageAccountKey> elements);

    /** Sets how the SDK knows the keys are current; {@link RotationEvidence#ANSWERED} if unset. */
    public abstract Builder evidence(RotationEvidence evidence);

    /**
     * Returns the keys.
     *
     * @throws dev.rekey.core.ValidationException naming the first field that is missing
     */
    public abstract StorageAccountKeys build();
  }
}
