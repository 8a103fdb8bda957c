package dev.rekey.rotation;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Sink} holds for a target, current or pending: the credential (with its slot), the
 * id of the rotation that wrote it, and the sink's own version label when it keeps versions (a Key
 * Vault secret version). {@link #toString()} never shows a value.
 */
public final class Published {
  private final String rotationId;
  private final Credential credential;
  private final @Nullable String version;

  private Published(String rotationId, Credential credential, @Nullable String version) {
    this.rotationId = rotationId;
    this.credential = credential;
    this.version = version;
  }

  /**
   * Returns the record of {@code credential}, written by rotation {@code rotationId}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Published of(String rotationId, Credential credential) {
    return new Published(
        Objects.requireNonNull(rotationId, "rotationId == null"),
        Objects.requireNonNull(credential, "credential == null"),
        null);
  }

  /** Returns a copy carrying the sink's version label (null: none). */
  public Published withVersion(@Nullable String version) {
    return new Published(rotationId, credential, version);
  }

  /** Returns the id of the rotation that wrote this value. */
  public String rotationId() {
    return rotationId;
  }

  /** Returns the credential. */
  public Credential credential() {
    return credential;
  }

  /** Returns the slot of the credential: for a current record, the slot "in use". */
  public Slot slot() {
    return credential.slot();
  }

  /** Returns the sink's version label, when it keeps versions. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Published that
        && rotationId.equals(that.rotationId)
        && credential.equals(that.credential)
        && Objects.equals(version, that.version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rotationId, credential, version);
  }

  @Override
  public String toString() {
    return "Published{rotationId="
        + rotationId
        + ", credential="
        + credential
        + ", version="
        + version
        + "}";
  }
}
