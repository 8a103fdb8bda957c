package dev.rekey.rotation;

/**
 * A single-slot credential the service generates (a NetApp bucket key pair). Generating kills the
 * old value at once, so there is no overlap window: a rotation generates, publishes at once, then
 * verifies. A crash between generate and publish is repaired by generating again.
 */
public interface ServerGeneratedTarget extends Target {
  /** Returns the one slot. */
  Slot slot();

  /**
   * Has the service generate a new value and returns it; the old value stops working.
   *
   * @throws dev.rekey.core.RekeyException as the service client throws
   */
  Credential generate();
}
