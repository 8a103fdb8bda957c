package dev.rekey.ontap;

import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import java.util.Optional;

/**
 * The ONTAP cluster refused a call. Besides the HTTP status, ONTAP's code (as text), message,
 * target and arguments from {@link ServiceException}, it names known codes through {@link
 * #ontapErrorCode()}. Its message never contains a password.
 */
public final class OntapServiceException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from what the cluster said. */
  public OntapServiceException(ServiceError error) {
    super(error);
  }

  /**
   * Returns the readable name of ONTAP's error code, or empty when absent or not known to this SDK.
   */
  public Optional<OntapErrorCode> ontapErrorCode() {
    return errorCode().flatMap(OntapErrorCode::fromCode);
  }

  /** Returns whether the cluster refused the new password under its password policy. */
  public boolean isPasswordPolicyViolation() {
    return ontapErrorCode().map(OntapErrorCode::isPasswordPolicyViolation).orElse(false);
  }

  /** Returns whether the cluster said {@code code}. */
  public boolean is(OntapErrorCode code) {
    return hasCode(code.code());
  }
}
