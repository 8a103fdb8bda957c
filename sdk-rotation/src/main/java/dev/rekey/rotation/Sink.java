package dev.rekey.rotation;

import java.util.Optional;

/**
 * Where applications read a credential: a file, a callback, Azure Key Vault. The sink's current
 * record names the slot "in use", which a rotation never regenerates. A sink that holds nothing
 * although the journal says a rotation published a slot (its file deleted, its secret purged) has
 * lost it; the rotator then takes that slot as in use, as applications read it before the loss.
 *
 * <p>Contract, relied on by the rotation engine:
 *
 * <ul>
 *   <li>{@link #publish} and {@link #promote} are atomic for readers: a reader sees the old current
 *       value or the new one, never a mix or nothing.
 *   <li>Every method is idempotent for one rotation id: calling it again after a crash (or after an
 *       answer was lost) leaves the same state as calling it once.
 *   <li>{@link #current} and {@link #pending} read what is stored now (not a cache), so a resumed
 *       rotation can probe before it acts; they return the value too, which ONTAP's resume needs to
 *       log in with a staged password that no journal holds.
 *   <li>No method puts a secret value into an exception message or a log.
 * </ul>
 *
 * <p>A failure is thrown as an unchecked exception (a {@link dev.rekey.core.RekeyException} where
 * the sink talks to a service); the engine reports it with what is where, and {@code resume}
 * retries.
 */
public interface Sink {
  /**
   * Makes {@code credential} the current value of {@code context}'s target, replacing the previous
   * current one atomically for readers, and records {@code context}'s rotation id beside it. A
   * pending value of the same rotation is cleared.
   *
   * @throws RuntimeException if it could not be stored; the previous current value then still holds
   */
  void publish(RotationContext context, Credential credential);

  /**
   * Stores {@code credential} as the pending value of {@code context}'s target without changing
   * what readers see as current. Used before a client-chosen value is sent to the service (ONTAP),
   * so a crash between the change and {@link #promote} cannot lose the only copy.
   *
   * @throws RuntimeException if it could not be stored
   */
  void stage(RotationContext context, Credential credential);

  /**
   * Makes the value staged by {@code context}'s rotation current, atomically for readers, and
   * clears the pending one. Does nothing if that rotation's value is already current.
   *
   * @throws IllegalStateException if nothing is staged for that rotation and it is not current
   * @throws RuntimeException if it could not be stored; the previous current value then still holds
   */
  void promote(RotationContext context);

  /**
   * Returns the current record for {@code targetId}, read from the store now; empty if nothing is
   * stored (never published, or lost since).
   *
   * @throws RuntimeException if the store could not be read
   */
  Optional<Published> current(String targetId);

  /**
   * Returns the pending record for {@code targetId}, read from the store now; empty if none.
   *
   * @throws RuntimeException if the store could not be read
   */
  Optional<Published> pending(String targetId);
}
