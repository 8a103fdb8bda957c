package dev.rekey.azure.storage.model;

import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import org.immutables.value.Value;

/**
 * A request to list the keys of an Azure Resource Manager storage account (a read: safe to repeat).
 */
@Value.Immutable
@RekeyStyle
public abstract class ListKeysRequest {
  ListKeysRequest() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return ImmutableListKeysRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the resource group holding the account. */
  public abstract String resourceGroup();

  /** Returns the storage account name: 3–24 lowercase letters and digits. */
  public abstract String accountName();

  /**
   * Returns whether the Kerberos keys (kerb1, kerb2) are listed too ({@code $expand=kerb}); false
   * unless set: the service lists only key1 and key2 without it.
   */
  @Value.Default
  public boolean includeKerberosKeys() {
    return false;
  }

  @Value.Check
  void check() {
    ArmNames.resourceGroup(resourceGroup());
    StorageNames.account("accountName", accountName());
  }

  /**
   * Builds a {@link ListKeysRequest}: set {@link #resourceGroup} and {@link #accountName}; {@code
   * build()} validates.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(ListKeysRequest instance);

    /**
     * Sets the resource group holding the account: 1–90 characters of {@code [-\w._()]}, no
     * trailing period.
     */
    public abstract Builder resourceGroup(String resourceGroup);

    /** Sets the storage account name: 3–24 lowercase letters and digits. */
    public abstract Builder accountName(String accountName);

    /** Sets whether the Kerberos keys are listed too ({@code $expand=kerb}); false if unset. */
    public abstract Builder includeKerberosKeys(boolean includeKerberosKeys);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    public abstract ListKeysRequest build();
  }
}
