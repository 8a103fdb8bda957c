package dev.rekey.core;

import dev.rekey.core.internal.codec.ErrorText;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** An asynchronous operation the service accepted ended as failed or canceled. */
public final class OperationFailedException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final String operationId;
  private final String status;
  private final @Nullable String errorCode;

  /**
   * Creates the exception. The service's texts are {@linkplain ErrorText#clean cleaned} as every
   * error body's are: line breaks folded, control characters dropped, length bounded.
   *
   * @param operationId the operation's id (an ARM operation URL, classic request id or ONTAP job
   *     uuid)
   * @param status the terminal status the service reported, e.g. {@code Failed}, {@code Canceled}
   * @param errorCode the service's error code, if it gave one
   * @param message the service's message, if it gave one
   */
  public OperationFailedException(
      String operationId, String status, @Nullable String errorCode, @Nullable String message) {
    super(describe(operationId, status, ErrorText.clean(errorCode), ErrorText.clean(message)));
    this.operationId = Objects.requireNonNull(operationId, "operationId == null");
    this.status = Objects.requireNonNull(status, "status == null");
    this.errorCode = ErrorText.clean(errorCode);
  }

  private static String describe(
      String operationId, String status, @Nullable String errorCode, @Nullable String message) {
    return "operation "
        + operationId
        + " ended "
        + ErrorText.clean(status)
        + (errorCode == null ? "" : " with " + errorCode)
        + (message == null ? "" : ": " + message);
  }

  /** Returns the id of the operation that failed. */
  public String operationId() {
    return operationId;
  }

  /** Returns the terminal status, as the service spelled it. */
  public String status() {
    return status;
  }

  /** Returns the service error code, if the service gave one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /**
   * Returns whether the service's error code is {@code code}, ignoring case, as {@link
   * ServiceException#hasCode}.
   */
  public boolean hasCode(String code) {
    return errorCode().map(code::equalsIgnoreCase).orElse(false);
  }
}
