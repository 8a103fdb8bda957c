package dev.rekey.core;

import dev.rekey.core.internal.codec.ErrorText;
import java.time.Duration;
import java.util.Objects;

/**
 * Polling an asynchronous operation passed its deadline before the operation finished: its outcome
 * is not known yet, so this is an {@link OutcomeUnknownException} whose {@link #operationId()} is
 * always present. The operation may still finish on the service: look again with the operation (its
 * {@code poll()} or {@code waitForCompletion}) or check the credential; never send the rotation
 * again blindly.
 */
public final class PollingTimeoutException extends OutcomeUnknownException {
  private static final long serialVersionUID = 1L;

  private final String lastStatus;

  /**
   * Creates the exception for {@code operationId}, last seen in {@code lastStatus} after {@code
   * waited}, started by a call sent once.
   */
  public PollingTimeoutException(String operationId, String lastStatus, Duration waited) {
    this(operationId, lastStatus, waited, 1);
  }

  /**
   * Creates the exception for {@code operationId}, last seen in {@code lastStatus} after {@code
   * waited}, started by a call sent {@code attempts} times.
   */
  public PollingTimeoutException(
      String operationId, String lastStatus, Duration waited, int attempts) {
    super(
        "operation "
            + Objects.requireNonNull(operationId, "operationId == null")
            + " still "
            + ErrorText.clean(lastStatus) // the service's text: folded and capped
            + " after "
            + waited
            + "; it may yet finish on the service",
        attempts,
        operationId,
        null);
    this.lastStatus = Objects.requireNonNull(lastStatus, "lastStatus == null");
  }

  /** Returns the last status the service reported. */
  public String lastStatus() {
    return lastStatus;
  }
}
