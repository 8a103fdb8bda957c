package dev.rekey.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service answered with an error status. Carries the status, service error code, message,
 * target, details and request id. Service modules subclass it to add typed error codes.
 */
public class ServiceException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final ServiceError error;

  /** Creates the exception from what the service said. */
  public ServiceException(ServiceError error) {
    super(describe(Objects.requireNonNull(error, "error == null")));
    this.error = error;
  }

  /** Returns everything the service said, as one value. */
  public ServiceError error() {
    return error;
  }

  /** Returns the HTTP status code. */
  public int statusCode() {
    return error.statusCode();
  }

  /** Returns the service error code, if the body had one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(error.code());
  }

  /**
   * Returns whether the service's error code is {@code code}, ignoring case (Azure documents its
   * codes case-insensitively; ONTAP's are digits): the one way Rekey matches a service's code.
   */
  public boolean hasCode(String code) {
    return errorCode().map(code::equalsIgnoreCase).orElse(false);
  }

  /** Returns the service's message, if the body had one. */
  public Optional<String> serviceMessage() {
    return Optional.ofNullable(error.message());
  }

  /** Returns the target the error is about, if any. */
  public Optional<String> target() {
    return Optional.ofNullable(error.target());
  }

  /** Returns nested error details, possibly empty. */
  public List<ServiceError.Detail> details() {
    return error.details();
  }

  /** Returns the request id the service logged the call under, if it sent one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(error.requestId());
  }

  /** Returns whether the service said the addressed resource does not exist (HTTP 404). */
  public boolean isNotFound() {
    return error.statusCode() == 404;
  }

  /** Returns whether the service refused the caller's identity (HTTP 401 or 403). */
  public boolean isAuthenticationFailure() {
    return error.statusCode() == 401 || error.statusCode() == 403;
  }

  static String describe(ServiceError e) {
    StringBuilder s = new StringBuilder("HTTP ").append(e.statusCode());
    if (e.code() != null) {
      s.append(' ').append(e.code());
    }
    if (e.message() != null) {
      s.append(": ").append(e.message());
    }
    if (e.target() != null) {
      s.append(" (target ").append(e.target()).append(')');
    }
    if (e.requestId() != null) {
      s.append(" [request id ").append(e.requestId()).append(']');
    }
    return s.toString();
  }
}
