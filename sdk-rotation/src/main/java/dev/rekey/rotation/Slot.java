package dev.rekey.rotation;

import java.util.Objects;

/**
 * One named place a service keeps a credential: {@code key1}/{@code key2} of an ARM storage
 * account, {@code primary}/{@code secondary} of a classic one, {@code password1}/{@code password2}
 * of an ACR token, or the single slot of an ONTAP user or a NetApp bucket key pair. Compared by
 * name.
 */
public final class Slot {
  private final String name;

  private Slot(String name) {
    this.name = name;
  }

  /**
   * Returns the slot called {@code name}.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Slot of(String name) {
    Objects.requireNonNull(name, "name == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("slot name must not be blank");
    }
    return new Slot(name);
  }

  /** Returns the slot's name as the service spells it, e.g. {@code key2}. */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Slot that && name.equals(that.name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Returns the name. */
  @Override
  public String toString() {
    return name;
  }
}
