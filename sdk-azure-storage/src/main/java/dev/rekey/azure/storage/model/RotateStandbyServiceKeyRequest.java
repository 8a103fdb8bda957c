package dev.rekey.azure.storage.model;

import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import org.immutables.value.Value;

/**
 * A request to regenerate the key of a classic storage service that is <em>not</em> in use: with
 * {@link #inUse()} {@code PRIMARY} it regenerates the secondary key.
 */
@Value.Immutable
@RekeyStyle
public abstract class RotateStandbyServiceKeyRequest {
  RotateStandbyServiceKeyRequest() {} // only the generated implementation extends it: none skips

  // its checks

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return ImmutableRotateStandbyServiceKeyRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the storage service (account) name: 3–24 lowercase letters and digits. */
  public abstract String serviceName();

  /** Returns the key applications use now; it is left as it is. */
  public abstract KeyType inUse();

  /** Returns the key that is regenerated: the {@link KeyType#other() other} one. */
  public KeyType standby() {
    return inUse().other();
  }

  /**
   * Returns whether a lost answer is settled by reading the keys before and after, as {@link
   * RegenerateKeysRequest#confirmOutcome()} describes; default false.
   */
  @Value.Default
  public boolean confirmOutcome() {
    return false;
  }

  @Value.Check
  void check() {
    StorageNames.account("serviceName", serviceName());
  }

  /**
   * Builds a {@link RotateStandbyServiceKeyRequest}: set {@link #serviceName} and {@link #inUse};
   * {@code build()} validates.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(RotateStandbyServiceKeyRequest instance);

    /** Sets the storage service (account) name: 3–24 lowercase letters and digits. */
    public abstract Builder serviceName(String serviceName);

    /** Sets the key applications use now; the other one is regenerated. */
    public abstract Builder inUse(KeyType inUse);

    /**
     * Sets whether a lost answer is settled by reading the keys (default false): see {@link
     * RotateStandbyServiceKeyRequest#confirmOutcome()}.
     */
    public abstract Builder confirmOutcome(boolean confirmOutcome);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    public abstract RotateStandbyServiceKeyRequest build();
  }
}
