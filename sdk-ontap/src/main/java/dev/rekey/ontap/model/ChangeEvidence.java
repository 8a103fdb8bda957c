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
   * The first send's answer was lost; the re-send was refused (or its job failed) with 7077925
   * ("same as the old password"), which means the first send had already set the new password.
   */
  EARLIER_ATTEMPT_SAME_AS_OLD,
  /**
   * The first send's answer was lost, and logging in with the new password succeeded, so the change
   * had taken effect. For the client's own account (the user it logs in as with basic auth) that
   * login is tried first, before any re-send, and usually settles it with nothing sent again.
   * Otherwise the change was re-sent and the re-send did not succeed in any way other than 7077925:
   * refused with 7077924 ("one of the last N passwords", what a landed first send causes), or with
   * any other status or error code, its job failed, or its answer was lost too.
   */
  EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN;

  /**
   * Returns whether the change was established after the first send's answer was lost (with {@code
   * confirmOutcome}): by a re-send, a login with the new password, or both. Only {@link #CREATED}
   * and {@link #JOB_SUCCEEDED} return {@code false}.
   */
  public boolean afterLostAnswer() {
    return this != CREATED && this != JOB_SUCCEEDED;
  }
}
