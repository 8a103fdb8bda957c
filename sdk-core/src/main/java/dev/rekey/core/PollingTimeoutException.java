package dev.rekey.core;

import dev.rekey.core.internal.codec.ErrorText;
import java.time.Duration;
import java.util.Objects;

/**
 * Polling an asynchronous operation passed its deadline before the operation finished. The
 * operation may still finish on the service: keep {@link #operationId()} to look again.
 */
public final class PollingTimeoutException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final String operationId;
  private final String lastStatus;

  /**
   * Creates the exception for {@code operationId}, last seen in {@code lastStatus} after {@code
   * waited}.
   */
  public PollingTimeoutException(String operationId, String lastStatus, Duration waited) {
    super(
        "operation "
            + operationId
            + " still "
            + ErrorText.clean(lastStatus) // the service's text: folded and capped
            + " after "
            + waited
            + "; it may yet finish on the service");
    this.operationId = Objects.requireNonNull(operationId, "operationId == null");
    this.lastStatus = Objects.requireNonNull(lastStatus, "lastStatus == null");
  }

  /** Returns the id of the operation that did not finish in time. */
  public String operationId() {
    return operationId;
  }

  /** Returns the last status the service reported. */
  public String lastStatus() {
    return lastStatus;
  }
}
