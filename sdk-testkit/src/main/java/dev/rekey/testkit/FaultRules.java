package dev.rekey.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request faults an emulator can inject, shared by {@link Faults} (any request) and {@link
 * Faults.Scoped} (requests matching a method and path). Each fault applies to the next {@code n}
 * matching requests; {@code n} must be at least 1. "Unprocessed" faults leave the service state
 * alone, "processed" ones apply the request first, as a server that acted and then failed would.
 *
 * @param <T> the concrete type, returned for chaining
 */
public abstract sealed class FaultRules<T extends FaultRules<T>> permits Faults, Faults.Scoped {
  FaultRules() {}

  /** Adds {@code fault} for the next {@code n} matching requests. */
  abstract T add(int n, Faults.Fault fault);

  /** Answers 429 with {@code Retry-After} in whole seconds, unprocessed. */
  public final T throttle(int n, Duration retryAfter) {
    return respond(
        n, 429, Map.of("Retry-After", Long.toString(Math.max(0, retryAfter.toSeconds()))));
  }

  /** Answers {@code status} in the service's error format, unprocessed. */
  public final T fail(int n, int status) {
    return respond(n, status, Map.of());
  }

  /** Answers {@code status} with {@code Retry-After} in whole seconds, unprocessed. */
  public final T fail(int n, int status, Duration retryAfter) {
    return respond(
        n, status, Map.of("Retry-After", Long.toString(Math.max(0, retryAfter.toSeconds()))));
  }

  /**
   * Answers {@code status} in the service's error format with extra {@code headers}, unprocessed:
   * e.g. {@code Retry-After} as an HTTP date, {@code retry-after-ms} or {@code
   * x-ms-retry-after-ms}.
   */
  public final T respond(int n, int status, Map<String, String> headers) {
    return add(n, new Faults.Fault.Status(status, new LinkedHashMap<>(headers)));
  }

  /** Answers 401 with a {@code WWW-Authenticate} challenge, unprocessed: the token was refused. */
  public final T unauthorized(int n) {
    return respond(n, 401, Map.of("WWW-Authenticate", "Bearer realm=\"rekey-emulator\""));
  }

  /** Closes the connection before processing the request or sending a byte. */
  public final T dropBeforeProcessing(int n) {
    return add(n, new Faults.Fault.DropBeforeProcessing());
  }

  /** Processes the request, then closes the connection before answering: the answer is lost. */
  public final T dropAfterProcessing(int n) {
    return add(n, new Faults.Fault.DropAfterProcessing());
  }

  /** Processes the request, sends the headers and half the body, then closes the connection. */
  public final T cutOffMidBody(int n) {
    return add(n, new Faults.Fault.CutOffMidBody());
  }

  /** Processes the request, then answers only after {@code delay}. */
  public final T delay(int n, Duration delay) {
    return add(n, new Faults.Fault.Delay(delay));
  }

  /**
   * Answers {@code status} with {@code body} of {@code contentType} instead of the service,
   * unprocessed: e.g. a proxy's HTML error page.
   */
  public final T answerInstead(int n, int status, String contentType, String body) {
    return add(
        n,
        new Faults.Fault.Replace(
            Optional.of(status), Optional.of(contentType), Optional.of(body), false));
  }

  /**
   * Processes the request and keeps the service's status, but sends {@code body} of {@code
   * contentType}.
   */
  public final T replaceBody(int n, String contentType, String body) {
    return add(
        n,
        new Faults.Fault.Replace(
            Optional.empty(), Optional.of(contentType), Optional.of(body), true));
  }

  /**
   * Processes the request and sends the service's answer with only its first half of the body (a
   * valid HTTP message).
   */
  public final T truncateBody(int n) {
    return add(
        n, new Faults.Fault.Replace(Optional.empty(), Optional.empty(), Optional.empty(), true));
  }

  /** Processes the request and sends the service's answer with another {@code Content-Type}. */
  public final T wrongContentType(int n, String contentType) {
    return add(
        n,
        new Faults.Fault.Replace(
            Optional.empty(), Optional.of(contentType), Optional.empty(), true));
  }

  /** Processes the request and answers as the service would, with {@code headers} added. */
  public final T addHeaders(int n, Map<String, String> headers) {
    return add(n, new Faults.Fault.AddHeaders(new LinkedHashMap<>(headers)));
  }

  /**
   * Processes the request, then answers its status with a JSON body of about {@code bytes} bytes.
   */
  public final T oversizedBody(int n, int bytes) {
    return replaceBody(
        n, "application/json", "{\"padding\":\"" + "x".repeat(Math.max(0, bytes)) + "\"}");
  }
}
