package dev.rekey.acr;

import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import java.util.Set;

/**
 * Azure Container Registry (through Azure Resource Manager) refused a call; carries the ARM error
 * body's code, message, target and details, and the {@code x-ms-request-id}.
 */
public final class AcrServiceException extends ServiceException {
  private static final long serialVersionUID = 1L;

  private static final Set<String> NOT_FOUND_CODES =
      Set.of("ResourceNotFound", "TokenNotFound", "RegistryNotFound", "ResourceGroupNotFound");

  /** Creates the exception from what the service said. */
  public AcrServiceException(ServiceError error) {
    super(error);
  }

  /**
   * Returns whether the registry, its resource group or the token does not exist: HTTP 404, or one
   * of ARM's not-found codes ({@code ResourceNotFound}, {@code TokenNotFound}, {@code
   * RegistryNotFound}, {@code ResourceGroupNotFound}).
   */
  public boolean isRegistryOrTokenNotFound() {
    return statusCode() == 404 || NOT_FOUND_CODES.stream().anyMatch(this::hasCode);
  }
}
