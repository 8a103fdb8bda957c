package dev.rekey.netapp;

import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;

/**
 * Azure NetApp Files (through Azure Resource Manager) refused a call: the status, ARM error code,
 * message, target, nested details and request id, read from ARM's {@code ErrorResponse} body. The
 * message never includes the raw body.
 */
public final class NetAppServiceException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** ARM's code for a name, body field or api-version the service does not accept. */
  public static final String INVALID_PARAMETER = "InvalidParameter";

  /**
   * ARM's code for a subscription, resource group, account, pool, volume or bucket that does not
   * exist.
   */
  public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";

  /** Creates the exception from what the service said. */
  public NetAppServiceException(ServiceError error) {
    super(error);
  }

  /** Returns whether the service said a parameter (e.g. {@code keyPairExpiryDays}) was invalid. */
  public boolean isInvalidParameter() {
    return hasCode(INVALID_PARAMETER);
  }

  /** Returns whether the addressed bucket, or a resource above it, does not exist. */
  public boolean isResourceNotFound() {
    return isNotFound() || hasCode(RESOURCE_NOT_FOUND);
  }
}
