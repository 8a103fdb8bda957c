package dev.rekey.azure.storage.model;

import dev.rekey.core.internal.RekeyStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Azure Resource Manager storage account's keys after a call: every key the service returned, each
 * value a {@link dev.rekey.core.Secret} (its {@code toString} is {@code ****}).
 */
@Value.Immutable
@RekeyStyle
public abstract class StorageAccountKeys {

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns every key, in the order the service sent them. */
  public abstract List<StorageAccountKey> keys();

  /** Returns the key named {@code name}, if the service returned it. */
  public Optional<StorageAccountKey> key(KeyName name) {
    return keys().stream().filter(k -> k.keyName().equalsIgnoreCase(name.wireName())).findFirst();
  }

  /** Builds {@link StorageAccountKeys}. */
  public static final class Builder extends ImmutableStorageAccountKeys.Builder {}
}
