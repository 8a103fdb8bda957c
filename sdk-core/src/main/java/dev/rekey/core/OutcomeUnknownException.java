package dev.rekey.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A call that changes a credential may have been applied, but its answer was lost (a timeout, a
 * dropped connection, a gateway error). Rekey does not re-send such a call on its own, because a
 * second send would be a second rotation. Check the credential's state before trying again. A
 * {@link PollingTimeoutException} is the case where the service accepted an operation that had not
 * finished when the wait ended.
 */
public sealed class OutcomeUnknownException extends RekeyException permits PollingTimeoutException {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final @Nullable String operationId;

  /**
   * Creates the exception after {@code attempts} sends of the call (every send counts, a confirming
   * re-send too); {@code cause} says what was lost.
   */
  public OutcomeUnknownException(String message, int attempts, Throwable cause) {
    this(message, attempts, null, cause);
  }

  /**
   * Creates the exception for a call the service accepted as operation {@code operationId} (ARM
   * operation URL, classic request id, ONTAP job uuid) whose outcome could not be learned; {@code
   * cause} says why, when something failed.
   */
  public OutcomeUnknownException(
      String message, int attempts, @Nullable String operationId, @Nullable Throwable cause) {
    super(
        message + " (may have been applied; sent " + attempts + " time(s), not sent again)", cause);
    this.attempts = attempts;
    this.operationId = operationId;
  }

  /** Returns the id of the operation the service accepted, when it accepted one. */
  public Optional<String> operationId() {
    return Optional.ofNullable(operationId);
  }

  /** Returns how many times the call was sent, every retry and confirming re-send included. */
  public int attempts() {
    return attempts;
  }
}
