package dev.rekey.rotation;

/**
 * One step of a rotation, as written to the {@link Journal} and reported to a {@link
 * RotationListener}.
 */
public enum Step {
  /** The rotation began: which slot is in use and which one it will rotate. */
  START,
  /** A dual-slot target regenerates its standby slot on the service. */
  REGENERATE,
  /** A single-slot target's service generates a new value (NetApp); the old value dies at once. */
  GENERATE,
  /** A client-chosen value is stored in the sink as pending, before the service sees it. */
  STAGE,
  /** A client-chosen value is sent to the service (ONTAP password change). */
  CHANGE,
  /** The new value is proven against the service by the target's {@link Verifier}. */
  VERIFY,
  /** The new value is made current in the sink. */
  PUBLISH,
  /** The staged value is made current in the sink. */
  PROMOTE,
  /** The old slot is regenerated so its old value dies; it is no longer in use. */
  RETIRE,
  /** The rotation finished; {@code resume} has nothing left to do. */
  COMPLETE,
  /**
   * The rotation stopped for good (a verification failed); the previous current value still holds.
   */
  ABORT
}
