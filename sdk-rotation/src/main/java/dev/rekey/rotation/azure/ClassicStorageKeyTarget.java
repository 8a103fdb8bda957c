package dev.rekey.rotation.azure;

import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.core.ValidationException;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.DualSlotTarget;
import dev.rekey.rotation.Slot;
import dev.rekey.rotation.Verifier;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A classic storage service's {@code Primary}/{@code Secondary} keys, a dual-slot server-generated
 * credential. Regenerates one key by type; a resumed rotation re-reads the keys. Classic keys carry
 * no creation time, so the policy takes the age from the journal.
 */
public final class ClassicStorageKeyTarget implements DualSlotTarget {
  /** The slot {@code Primary}. */
  public static final Slot PRIMARY = Slot.of(KeyType.PRIMARY.wireName());

  /** The slot {@code Secondary}. */
  public static final Slot SECONDARY = Slot.of(KeyType.SECONDARY.wireName());

  private final ClassicStorageKeysClient client;
  private final String serviceName;
  private final Verifier verifier;

  private ClassicStorageKeyTarget(
      ClassicStorageKeysClient client, String serviceName, Verifier verifier) {
    this.client = client;
    this.serviceName = serviceName;
    this.verifier = verifier;
  }

  /**
   * Returns the target for storage service {@code serviceName} (3–24 lowercase letters and digits),
   * proven by {@code verifier}.
   *
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if {@code serviceName} breaks the classic storage client's rule
   */
  public static ClassicStorageKeyTarget of(
      ClassicStorageKeysClient client, String serviceName, Verifier verifier) {
    return new ClassicStorageKeyTarget(
        Objects.requireNonNull(client, "client == null"),
        StorageNames.account(
            "serviceName", Objects.requireNonNull(serviceName, "serviceName == null")),
        Objects.requireNonNull(verifier, "verifier == null"));
  }

  @Override
  public String id() {
    return "classic-storage:" + serviceName;
  }

  @Override
  public Verifier verifier() {
    return verifier;
  }

  @Override
  public List<Slot> slots() {
    return List.of(PRIMARY, SECONDARY);
  }

  @Override
  public Credential regenerate(Slot slot) {
    KeyType type = type(slot);
    return Credential.of(
        slot, client.regenerateKeys(r -> r.serviceName(serviceName).keyType(type)).key(type));
  }

  @Override
  public Optional<Credential> read(Slot slot) {
    KeyType type = type(slot);
    return Optional.of(
        Credential.of(slot, client.getKeys(r -> r.serviceName(serviceName)).key(type)));
  }

  private static KeyType type(Slot slot) {
    return switch (slot.name()) {
      case "Primary" -> KeyType.PRIMARY;
      case "Secondary" -> KeyType.SECONDARY;
      default ->
          throw new IllegalArgumentException("slot " + slot + " must be Primary or Secondary");
    };
  }

  @Override
  public String toString() {
    return "ClassicStorageKeyTarget{" + id() + "}";
  }
}
