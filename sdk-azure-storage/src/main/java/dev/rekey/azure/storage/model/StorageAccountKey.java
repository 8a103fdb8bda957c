package dev.rekey.azure.storage.model;

import dev.rekey.core.Secret;
import dev.rekey.core.internal.RekeyStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One key of an Azure Resource Manager storage account; {@code toString} masks its value. */
@Value.Immutable
@RekeyStyle
public abstract class StorageAccountKey {

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the key's name as the service spelled it, e.g. {@code key1}. */
  public abstract String keyName();

  /** Returns the key value. */
  public abstract Secret value();

  /** Returns the key's permissions, if the service sent a known value. */
  public abstract Optional<KeyPermission> permissions();

  /** Returns when the key was created, if the service said. */
  public abstract Optional<Instant> creationTime();

  /** Returns which of the four known keys this is, if it is one. */
  public Optional<KeyName> name() {
    return KeyName.fromWireName(keyName());
  }

  /** Builds a {@link StorageAccountKey}. */
  public static final class Builder extends ImmutableStorageAccountKey.Builder {}
}
