package dev.rekey.azure.storage.model;

import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Required;
import org.immutables.value.Value;

/**
 * A request to regenerate the partner of the key in use of an Azure Resource Manager storage account:
 * with {@link #inUse()} {@code KEY1} it regenerates {@code key2}.
 */
@Value.Immutable
@RekeyStyle
public abstract class RotateStandbyKeyRequest {

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the resource group holding the account. */
  public abstract String resourceGroup();

  /** Returns the storage account name: 3–24 lowercase letters and digits. */
  public abstract String accountName();

  /** Returns the key applications use now; it is left as it is. */
  public abstract KeyName inUse();

  /** Returns the key that is regenerated: the {@link KeyName#other() partner} of {@link #inUse()}. */
  public KeyName standby() {
    return inUse().other();
  }

  @Value.Check
  void check() {
    ArmNames.resourceGroup(resourceGroup());
    StorageNames.account("accountName", accountName());
  }

  /** Builds a {@link RotateStandbyKeyRequest}; {@code build()} throws {@link ValidationException}. */
  public static final class Builder extends ImmutableRotateStandbyKeyRequest.Builder {
    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    @Override
    public RotateStandbyKeyRequest build() {
      return Required.build(super::build);
    }
  }
}
