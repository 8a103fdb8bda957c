package dev.rekey.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rotation succeeded on the service, but the new credential it promised was not returned or could
 * not be read (an empty, malformed or incomplete final answer, or a final result that could not be
 * fetched). The credential exists on the service and nobody holds it; the old one no longer works
 * where it was replaced. Do not retry blindly: the message says what exists on the service and how
 * to recover (for example, regenerate that slot again, knowingly, and publish what it returns).
 *
 * <p>Never thrown for a read: a read creates nothing.
 */
public final class CredentialNotReturnedException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final String operationId;
  private final String recovery;

  /**
   * Creates the exception.
   *
   * @param operationId the operation's id (ARM operation URL, classic request id, or the call's
   *     path)
   * @param reason why the credential could not be read, without any body or secret
   * @param recovery what exists on the service and how to recover, e.g. {@code password2 of token
   *     t1 was regenerated; regenerate password2 again to obtain a value you hold}
   * @param cause the decoding or transport failure, if any
   */
  public CredentialNotReturnedException(
      String operationId, String reason, String recovery, @Nullable Throwable cause) {
    super(
        "operation "
            + Objects.requireNonNull(operationId, "operationId == null")
            + " succeeded but the new credential was not returned ("
            + Objects.requireNonNull(reason, "reason == null")
            + "); "
            + Objects.requireNonNull(recovery, "recovery == null"),
        cause);
    this.operationId = operationId;
    this.recovery = recovery;
  }

  /** Returns the id of the operation that succeeded. */
  public String operationId() {
    return operationId;
  }

  /** Returns what exists on the service and how to recover, as the message ends. */
  public String recovery() {
    return recovery;
  }
}
