package dev.rekey.azure;

/**
 * How the SDK knows an Azure rotation took effect, as ONTAP's {@code ChangeEvidence} says it for a
 * password change. Only a request with {@code confirmOutcome(true)} can end in anything but {@link
 * #ANSWERED}.
 */
public enum RotationEvidence {
  /**
   * The service's answer to the rotation (at once, or at the end of its operation) carried the
   * result.
   */
  ANSWERED,
  /**
   * The answer was lost; reading the credential's state afterwards showed the key had changed since
   * the read made before sending, so the result is what that read returned.
   */
  CONFIRMED_BY_READ,
  /**
   * The answer was lost; reading the credential's state afterwards showed nothing had changed, so
   * the rotation was sent once more, and that answer carried the result.
   */
  RESENT_AND_APPLIED;

  /** Returns whether the rotation was established after a lost answer. */
  public boolean afterLostAnswer() {
    return this != ANSWERED;
  }
}
