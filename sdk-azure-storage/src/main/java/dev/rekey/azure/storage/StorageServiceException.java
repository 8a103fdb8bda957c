package dev.rekey.azure.storage;

import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;

/**
 * Azure Storage (classic Service Management or Resource Manager) refused a key call. Adds the codes
 * these APIs use to {@link ServiceException}'s status, code, message and request id.
 */
public final class StorageServiceException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from what the service said. */
  public StorageServiceException(ServiceError error) {
    super(error);
  }

  /**
   * Returns whether the caller's certificate or token was refused: HTTP 401/403, or the codes
   * {@code ForbiddenError} (what the classic API really answers) and {@code AuthenticationFailed}
   * (what its documentation says).
   */
  @Override
  public boolean isAuthenticationFailure() {
    return super.isAuthenticationFailure()
        || hasCode("ForbiddenError")
        || hasCode("AuthenticationFailed");
  }

  /**
   * Returns whether the service was busy or throttling ({@code ServerBusy}, {@code
   * TooManyRequests}, 429, 503).
   */
  public boolean isThrottled() {
    return statusCode() == 429
        || statusCode() == 503
        || hasCode("ServerBusy")
        || hasCode("TooManyRequests");
  }

  /**
   * Returns whether the call conflicted with another change in progress ({@code ConflictError},
   * 409).
   */
  public boolean isConflict() {
    return statusCode() == 409 || hasCode("ConflictError");
  }
}
