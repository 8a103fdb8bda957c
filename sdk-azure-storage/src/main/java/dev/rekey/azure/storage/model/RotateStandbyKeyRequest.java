package dev.rekey.azure.storage.model;

import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import org.immutables.value.Value;

/**
 * A request to regenerate the partner of the key in use of an Azure Resource Manager storage
 * account: with {@link #inUse()} {@code KEY1} it regenerates {@code key2}.
 */
@Value.Immutable
@RekeyStyle
public abstract class RotateStandbyKeyRequest {
  RotateStandbyKeyRequest() {} // only the generated implementation extends it: none skips its

  // checks

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return ImmutableRotateStandbyKeyRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the resource group holding the account. */
  public abstract String resourceGroup();

  /** Returns the storage account name: 3–24 lowercase letters and digits. */
  public abstract String accountName();

  /** Returns the key applications use now; it is left as it is. */
  public abstract KeyName inUse();

  /**
   * Returns the key that is regenerated: the {@link KeyName#other() partner} of {@link #inUse()}.
   */
  public KeyName standby() {
    return inUse().other();
  }

  /**
   * Returns whether a lost answer is settled by reading the keys before and after, as {@link
   * RegenerateKeyRequest#confirmOutcome()} describes; default false.
   */
  @Value.Default
  public boolean confirmOutcome() {
    return false;
  }

  @Value.Check
  void check() {
    ArmNames.resourceGroup(resourceGroup());
    StorageNames.account("accountName", accountName());
  }

  /**
   * Builds a {@link RotateStandbyKeyRequest}: set {@link #resourceGroup}, {@link #accountName} and
   * {@link #inUse}; {@code build()} validates.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(RotateStandbyKeyRequest instance);

    /**
     * Sets the resource group holding the account: 1–90 characters of {@code [-\w._()]}, no
     * trailing period.
     */
    public abstract Builder resourceGroup(String resourceGroup);

    /** Sets the storage account name: 3–24 lowercase letters and digits. */
    public abstract Builder accountName(String accountName);

    /** Sets the key applications use now; its partner is the one regenerated. */
    public abstract Builder inUse(KeyName inUse);

    /**
     * Sets whether a lost answer is settled by reading the keys (default false): see {@link
     * RotateStandbyKeyRequest#confirmOutcome()}.
     */
    public abstract Builder confirmOutcome(boolean confirmOutcome);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    public abstract RotateStandbyKeyRequest build();
  }
}
