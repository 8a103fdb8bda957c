package dev.rekey.rotation;

import java.time.Instant;
import java.util.Optional;

/**
 * One credential on one service, rotated by a {@link Rotator}. A target is one of three kinds, each
 * with its own honest step sequence: {@link DualSlotTarget} (storage keys, ACR token passwords),
 * {@link ClientChosenTarget} (an ONTAP user password) and {@link ServerGeneratedTarget} (a NetApp
 * bucket key pair). Built-ins live in {@code dev.rekey.rotation.azure} and {@code
 * dev.rekey.rotation.ontap}.
 */
public interface Target {
  /**
   * Returns a stable id naming the credential, e.g. {@code storage:rg/account}; journal and sink
   * key on it.
   */
  String id();

  /** Returns the verifier that proves a new value of this credential against the service. */
  Verifier verifier();

  /**
   * Returns when the value in {@code slot} was created, if the service says (storage keys do); the
   * {@link Policy} then uses it for the credential's age.
   *
   * @throws dev.rekey.core.RekeyException if the service could not be read
   */
  default Optional<Instant> createdAt(Slot slot) {
    return Optional.empty();
  }
}
