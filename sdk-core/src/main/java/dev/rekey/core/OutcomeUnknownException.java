package dev.rekey.core;

/**
 * A call that changes a credential may have been applied, but its answer was lost (a timeout, a
 * dropped connection, a gateway error). Rekey does not re-send such a call on its own, because a
 * second send would be a second rotation. Check the credential's state before trying again.
 */
public final class OutcomeUnknownException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /** Creates the exception after {@code attempts} sends; {@code cause} says what was lost. */
  public OutcomeUnknownException(String message, int attempts, Throwable cause) {
    super(message + " (may have been applied; not re-sent after " + attempts + " attempt(s))", cause);
    this.attempts = attempts;
  }

  /** Returns how many times the call was sent. */
  public int attempts() {
    return attempts;
  }
}
