package dev.rekey.azure.storage.model;

import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Required;
import org.immutables.value.Value;

/** A request to list the keys of an Azure Resource Manager storage account (a read: safe to repeat). */
@Value.Immutable
@RekeyStyle
public abstract class ListKeysRequest {

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the resource group holding the account. */
  public abstract String resourceGroup();

  /** Returns the storage account name: 3–24 lowercase letters and digits. */
  public abstract String accountName();

  @Value.Check
  void check() {
    ArmNames.resourceGroup(resourceGroup());
    StorageNames.account("accountName", accountName());
  }

  /** Builds a {@link ListKeysRequest}; {@code build()} throws {@link ValidationException}. */
  public static final class Builder extends ImmutableListKeysRequest.Builder {
    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    @Override
    public ListKeysRequest build() {
      return Required.build(super::build);
    }
  }
}
