package dev.rekey.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a service said when it refused a call: the HTTP status, the service's own error code, its
 * message and target, nested details and the request id the service logged the call under.
 *
 * @param statusCode the HTTP status code
 * @param code the service error code (e.g. {@code ResourceNotFound}, {@code 7077919}), if any
 * @param message the service's message, if any; never a raw response body
 * @param target the field or resource the error is about, if any
 * @param details nested errors, possibly empty
 * @param requestId the service's request id ({@code x-ms-request-id}, ONTAP's none), if any
 * @param additionalInfo ARM's {@code additionalInfo} entries (policy names and the like), possibly
 *     empty
 */
public record ServiceError(
    int statusCode,
    @Nullable String code,
    @Nullable String message,
    @Nullable String target,
    List<ServiceError.Detail> details,
    @Nullable String requestId,
    List<ServiceError.AdditionalInfo> additionalInfo)
    implements java.io.Serializable {

  /** Creates an error; {@code details} and {@code additionalInfo} are copied. */
  public ServiceError {
    details = List.copyOf(Objects.requireNonNull(details, "details == null"));
    additionalInfo = List.copyOf(Objects.requireNonNull(additionalInfo, "additionalInfo == null"));
  }

  /** Creates an error without additional info. */
  public ServiceError(
      int statusCode,
      @Nullable String code,
      @Nullable String message,
      @Nullable String target,
      List<ServiceError.Detail> details,
      @Nullable String requestId) {
    this(statusCode, code, message, target, details, requestId, List.of());
  }

  /** Returns an error with only a status and request id: the body had nothing readable. */
  public static ServiceError ofStatus(int statusCode, @Nullable String requestId) {
    return new ServiceError(statusCode, null, null, null, List.of(), requestId);
  }

  /** Returns a copy carrying {@code requestId}. */
  public ServiceError withRequestId(@Nullable String requestId) {
    return new ServiceError(statusCode, code, message, target, details, requestId, additionalInfo);
  }

  /**
   * One nested error of a {@link ServiceError}.
   *
   * @param code the nested error code, if any
   * @param message the nested message, if any
   * @param target the nested target, if any
   */
  public record Detail(@Nullable String code, @Nullable String message, @Nullable String target)
      implements java.io.Serializable {}

  /**
   * One ARM {@code additionalInfo} entry.
   *
   * @param type the entry's type, e.g. {@code PolicyViolation}
   * @param info the entry's {@code info} object as compact JSON text, cleaned and capped like
   *     messages
   */
  public record AdditionalInfo(@Nullable String type, @Nullable String info)
      implements java.io.Serializable {}
}
