package dev.rekey.ontap.model;

/** How the SDK knows a password change took effect. */
public enum ChangeEvidence {
  /** The cluster answered {@code 201 Created} to the first send. */
  CREATED,
  /** The cluster answered {@code 202 Accepted} and its job ended in {@code success}. */
  JOB_SUCCEEDED,
  /**
   * The first send's answer was lost; the re-send (asked for with {@code confirmOutcome}) was
   * accepted, so the first send had not changed the password.
   */
  RESENT_AND_APPLIED,
  /**
   * The first send's answer was lost; the re-send was refused with 7077925 ("same as the old
   * password"), which means the first send had already set the new password.
   */
  EARLIER_ATTEMPT_SAME_AS_OLD,
  /**
   * The first send's answer was lost; the re-send was refused with 7077924 ("one of the last N
   * passwords"), and logging in with the new password succeeded, so the first send had set it.
   */
  EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN;

  /** Returns whether the change was established after a lost answer and a re-send. */
  public boolean afterLostAnswer() {
    return this != CREATED && this != JOB_SUCCEEDED;
  }
}
