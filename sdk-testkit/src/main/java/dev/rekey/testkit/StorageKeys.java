package dev.rekey.testkit;

import dev.rekey.core.Secret;
import dev.rekey.testkit.internal.RandomSecrets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A storage account's keys as a storage emulator holds them: 88-character base64 values that change
 * only when that one key is regenerated.
 */
public final class StorageKeys {
  private final Map<String, Secret> keys = new LinkedHashMap<>();
  private final Map<String, Integer> regenerations = new LinkedHashMap<>();

  StorageKeys(String... names) {
    for (String name : names) {
      keys.put(name, Secret.of(RandomSecrets.base64(64)));
      regenerations.put(name, 0);
    }
  }

  /**
   * Returns the current value of key {@code name} ({@code Primary}, {@code key1}, ...), if it
   * exists.
   */
  public synchronized Optional<Secret> key(String name) {
    return Optional.ofNullable(keys.get(name));
  }

  /** Returns how many times key {@code name} was regenerated. */
  public synchronized int regenerations(String name) {
    return regenerations.getOrDefault(name, 0);
  }

  /** Returns every key by name, in a stable order. */
  public synchronized Map<String, Secret> all() {
    return new LinkedHashMap<>(keys);
  }

  synchronized void regenerate(String name, Secret value) {
    keys.put(name, value);
    regenerations.merge(name, 1, Integer::sum);
  }
}
