package dev.rekey.rotation;

import dev.rekey.core.Secret;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A credential value for one {@link Slot}: one or more named {@link Secret} parts (a storage key or
 * a password is one part named {@value #VALUE}; a NetApp bucket key pair is {@value #ACCESS_KEY}
 * and {@value #SECRET_KEY}) and, when the service gives one, an expiry. {@link #toString()} shows
 * the slot, part names and expiry, never a value.
 */
public final class Credential {
  /** The part name of a one-part credential (a key or a password). */
  public static final String VALUE = "value";

  /** The part name of a NetApp bucket key pair's access key. */
  public static final String ACCESS_KEY = "accessKey";

  /** The part name of a NetApp bucket key pair's secret key. */
  public static final String SECRET_KEY = "secretKey";

  private final Slot slot;
  private final Map<String, Secret> parts;
  private final @Nullable Instant expiry;

  private Credential(Slot slot, Map<String, Secret> parts, @Nullable Instant expiry) {
    this.slot = slot;
    this.parts = parts;
    this.expiry = expiry;
  }

  /**
   * Returns a one-part credential whose part is named {@value #VALUE}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Credential of(Slot slot, Secret value) {
    Objects.requireNonNull(value, "value == null");
    return of(slot, Map.of(VALUE, value));
  }

  /**
   * Returns a credential of several named parts, kept in the map's iteration order.
   *
   * @throws NullPointerException if an argument, a name or a part is null
   * @throws IllegalArgumentException if {@code parts} is empty
   */
  public static Credential of(Slot slot, Map<String, Secret> parts) {
    Objects.requireNonNull(slot, "slot == null");
    Objects.requireNonNull(parts, "parts == null");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a credential needs at least one part");
    }
    Map<String, Secret> copy = new LinkedHashMap<>();
    parts.forEach(
        (name, part) ->
            copy.put(
                Objects.requireNonNull(name, "part name == null"),
                Objects.requireNonNull(part, "part == null")));
    return new Credential(slot, Collections.unmodifiableMap(copy), null);
  }

  /** Returns a copy of this credential that expires at {@code expiry} (null: never). */
  public Credential withExpiry(@Nullable Instant expiry) {
    return new Credential(slot, parts, expiry);
  }

  /** Returns the slot this value belongs to. */
  public Slot slot() {
    return slot;
  }

  /**
   * Returns the part named {@value #VALUE}, the whole value of a one-part credential.
   *
   * @throws IllegalStateException if this credential has no such part
   */
  public Secret value() {
    return part(VALUE);
  }

  /**
   * Returns the part called {@code name}.
   *
   * @throws IllegalStateException if this credential has no such part
   */
  public Secret part(String name) {
    Secret part = parts.get(name);
    if (part == null) {
      throw new IllegalStateException(
          "credential has no part " + name + "; it has " + parts.keySet());
    }
    return part;
  }

  /** Returns every part by name, in order; the map cannot be modified. */
  public Map<String, Secret> parts() {
    return parts;
  }

  /** Returns when the service will stop accepting this value, if it said. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiry);
  }

  /** Two credentials are equal when slot, parts (compared in constant time) and expiry are. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Credential that
        && slot.equals(that.slot)
        && parts.equals(that.parts)
        && Objects.equals(expiry, that.expiry);
  }

  @Override
  public int hashCode() {
    return Objects.hash(slot, parts, expiry);
  }

  /** Returns the slot, the part names with masked values, and the expiry. */
  @Override
  public String toString() {
    return "Credential{slot=" + slot + ", parts=" + parts + ", expiry=" + expiry + "}";
  }
}
