package dev.rekey.rotation;

/**
 * Receives one {@link RotationEvent} per step, on the rotating thread, after the journal records
 * it.
 */
@FunctionalInterface
public interface RotationListener {
  /**
   * Called once per step; an exception thrown here is logged and ignored, never stopping a
   * rotation.
   */
  void onEvent(RotationEvent event);
}
