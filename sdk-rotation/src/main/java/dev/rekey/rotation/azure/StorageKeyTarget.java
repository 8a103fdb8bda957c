package dev.rekey.rotation.azure;

import dev.rekey.azure.internal.ArmNames;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.DualSlotTarget;
import dev.rekey.rotation.Slot;
import dev.rekey.rotation.Verifier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An ARM storage account's access keys {@code key1}/{@code key2}, a dual-slot server-generated
 * credential. Regenerates one key by name; a resumed rotation re-reads the keys instead of
 * regenerating again; the age the policy sees is the key's {@code creationTime}.
 */
public final class StorageKeyTarget implements DualSlotTarget {
  /** The slot {@code key1}. */
  public static final Slot KEY1 = Slot.of("key1");

  /** The slot {@code key2}. */
  public static final Slot KEY2 = Slot.of("key2");

  private final StorageAccountKeysClient client;
  private final String resourceGroup;
  private final String account;
  private final Verifier verifier;

  private StorageKeyTarget(Builder b) {
    this.client = Check.notNull("client", b.client);
    this.resourceGroup = ArmNames.resourceGroup(Check.notNull("resourceGroup", b.resourceGroup));
    this.account = StorageNames.account("account", Check.notNull("account", b.account));
    this.verifier = Check.notNull("verifier", b.verifier);
  }

  /** Returns a builder; client, resource group, account and verifier are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return "storage:" + resourceGroup + "/" + account;
  }

  @Override
  public Verifier verifier() {
    return verifier;
  }

  @Override
  public List<Slot> slots() {
    return List.of(KEY1, KEY2);
  }

  @Override
  public Credential regenerate(Slot slot) {
    KeyName name = keyName(slot);
    return find(
            client.regenerateKey(
                r -> r.resourceGroup(resourceGroup).accountName(account).keyName(name)),
            slot)
        .orElseThrow(() -> new IllegalStateException("the service did not return " + slot));
  }

  @Override
  public Optional<Credential> read(Slot slot) {
    return find(client.listKeys(r -> r.resourceGroup(resourceGroup).accountName(account)), slot);
  }

  @Override
  public Optional<Instant> createdAt(Slot slot) {
    return client.listKeys(r -> r.resourceGroup(resourceGroup).accountName(account)).keys().stream()
        .filter(k -> k.keyName().equalsIgnoreCase(slot.name()))
        .findFirst()
        .flatMap(StorageAccountKey::creationTime);
  }

  private static Optional<Credential> find(StorageAccountKeys keys, Slot slot) {
    return keys.keys().stream()
        .filter(k -> k.keyName().equalsIgnoreCase(slot.name()))
        .findFirst()
        .map(k -> Credential.of(slot, k.value()));
  }

  private static KeyName keyName(Slot slot) {
    return KeyName.fromWireName(slot.name())
        .filter(k -> k == KeyName.KEY1 || k == KeyName.KEY2)
        .orElseThrow(() -> new IllegalArgumentException("slot " + slot + " must be key1 or key2"));
  }

  @Override
  public String toString() {
    return "StorageKeyTarget{" + id() + "}";
  }

  /** Builds a {@link StorageKeyTarget}. */
  public static final class Builder {
    private @Nullable StorageAccountKeysClient client;
    private @Nullable String resourceGroup;
    private @Nullable String account;
    private @Nullable Verifier verifier;

    private Builder() {}

    /** Sets the client. */
    public Builder client(StorageAccountKeysClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Sets the resource group holding the account: 1–90 characters of {@code [-\w._()]}, no
     * trailing period.
     */
    public Builder resourceGroup(String resourceGroup) {
      this.resourceGroup = Objects.requireNonNull(resourceGroup, "resourceGroup == null");
      return this;
    }

    /** Sets the storage account name: 3–24 lowercase letters and digits. */
    public Builder account(String account) {
      this.account = Objects.requireNonNull(account, "account == null");
      return this;
    }

    /** Sets the verifier that proves a key against the account (e.g. a Shared Key request). */
    public Builder verifier(Verifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier == null");
      return this;
    }

    /**
     * Returns the target.
     *
     * @throws ValidationException naming the first required field that is not set ({@code account
     *     null must not be null}), or the resource group or account name that breaks the storage
     *     client's rule for it
     */
    public StorageKeyTarget build() {
      return new StorageKeyTarget(this);
    }
  }
}
