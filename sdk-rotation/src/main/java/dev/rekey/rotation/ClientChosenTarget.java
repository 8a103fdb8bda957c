package dev.rekey.rotation;

/**
 * A single-slot credential whose value the client chooses (an ONTAP user password). A rotation
 * generates the value locally, stages it in the sink as pending before the service sees it, changes
 * it, verifies it by logging in, and promotes it to current.
 */
public interface ClientChosenTarget extends Target {
  /** Returns the one slot. */
  Slot slot();

  /** Returns a new value, generated locally; no side effect. */
  Credential generate();

  /**
   * Makes {@code credential} the service's value, confirming a lost answer rather than guessing.
   *
   * @throws dev.rekey.core.RekeyException as the service client throws
   */
  void change(Credential credential);

  /**
   * Returns whether the service accepts {@code credential} now (a login): the probe a resumed
   * rotation runs with the pending, then the current value.
   *
   * @throws dev.rekey.core.RekeyException if the service could not be asked
   */
  boolean accepts(Credential credential);
}
