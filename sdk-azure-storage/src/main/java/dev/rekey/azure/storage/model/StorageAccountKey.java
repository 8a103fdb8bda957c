package dev.rekey.azure.storage.model;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** One key of an Azure Resource Manager storage account; {@code toString} masks its value. */
@Value.Immutable
@RekeyStyle
public abstract class StorageAccountKey {
  StorageAccountKey() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder. */
  public static Builder builder() {
    return ImmutableStorageAccountKey.builder();
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

  /** Builds a {@link StorageAccountKey}, e.g. in tests of code that consumes one. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(StorageAccountKey instance);

    /** Sets the key's name as the service spells it, e.g. {@code key1}. */
    public abstract Builder keyName(String keyName);

    /** Sets the key value. */
    public abstract Builder value(Secret value);

    /** Sets the key's permissions; null if unknown. */
    public abstract Builder permissions(@Nullable KeyPermission permissions);

    /** Sets or unsets the permissions, as {@link #permissions(KeyPermission)}. */
    public abstract Builder permissions(Optional<? extends KeyPermission> permissions);

    /** Sets when the key was created; null if the service did not say. */
    public abstract Builder creationTime(@Nullable Instant creationTime);

    /** Sets or unsets the creation time, as {@link #creationTime(Instant)}. */
    public abstract Builder creationTime(Optional<? extends Instant> creationTime);

    /**
     * Returns the StorageAccountKey.
     *
     * @throws ValidationException naming the first field that is missing
     */
    public abstract StorageAccountKey build();
  }
}
