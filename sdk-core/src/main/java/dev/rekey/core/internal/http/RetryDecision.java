package dev.rekey.core.internal.http;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.core.TransportException;
import dev.rekey.core.internal.http.ApiRequest.Repeatability;
import dev.rekey.core.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Decides, after each attempt, whether a call is done, should be sent again after a wait, or has
 * failed, and with which exception. The sync and async drivers in {@link HttpPipeline} share it.
 */
final class RetryDecision {

  private static final int MAX_MESSAGE = 200;

  private final RetryPolicy policy;
  private final ErrorDecoder errors;
  private final Function<ServiceError, ? extends ServiceException> exceptions;
  private final DoubleSupplier random;

  RetryDecision(
      RetryPolicy policy,
      ErrorDecoder errors,
      Function<ServiceError, ? extends ServiceException> exceptions,
      DoubleSupplier random) {
    this.policy = policy;
    this.errors = errors;
    this.exceptions = exceptions;
    this.random = random;
  }

  /** The next step of a call. */
  sealed interface Step {
    /** The call is done with this response (2xx or a redirect OkHttp would not follow). */
    record Done(ApiResponse response) implements Step {}

    /** Send again after {@code wait}. */
    record Retry(Duration delay) implements Step {}

    /** The call failed. */
    record Fail(RekeyException error) implements Step {}
  }

  /**
   * Returns the step after attempt number {@code attempt}; {@code anyStarted} says whether any
   * attempt so far (this one included) may have reached the server.
   */
  Step decide(
      ApiRequest request, AttemptOutcome outcome, int attempt, boolean anyStarted, Instant now) {
    boolean attemptsLeft = attempt < policy.maxAttempts();
    boolean repeatable = request.repeatability() == Repeatability.REPEATABLE;
    if (outcome instanceof AttemptOutcome.Answered answered) {
      ApiResponse response = answered.response();
      int status = response.statusCode();
      if (status < 400) {
        return new Step.Done(response);
      }
      Optional<Duration> serverWait = RetryAfter.from(response.headers(), now);
      boolean serverSaysNotProcessed = status == 429 || (status == 503 && serverWait.isPresent());
      boolean retryable = policy.retryableStatusCodes().contains(status);
      if (attemptsLeft && retryable && (repeatable || serverSaysNotProcessed)) {
        Duration wait =
            serverWait
                .map(policy::capServerDelay)
                .orElseGet(() -> policy.backoff(attempt, random.getAsDouble()));
        // A throttled or unavailable service is never asked again sooner than the policy's floor.
        boolean throttled = status == 429 || status == 503;
        return new Step.Retry(
            throttled && wait.compareTo(policy.minDelay()) < 0 ? policy.minDelay() : wait);
      }
      ServiceException error =
          exceptions.apply(errors.decode(response).withRequestId(response.requestId()));
      if (!repeatable && mayHaveActed(status) && !serverSaysNotProcessed) {
        return new Step.Fail(
            new OutcomeUnknownException(
                request.operationName() + " answered " + error.getMessage(), attempt, error));
      }
      return new Step.Fail(error);
    }
    AttemptOutcome.Failed failed = (AttemptOutcome.Failed) outcome;
    if (failed.error() instanceof TokenUnavailableException noToken) {
      return new Step.Fail(noToken.failure());
    }
    if (failed.error() instanceof RefusedAnswer refused) {
      // A proxy's 407 or a redirect not followed: answered, and the same request gets the same
      // answer.
      ServiceException error =
          exceptions.apply(
              new ServiceError(
                  refused.status(),
                  null,
                  request.operationName() + ": " + refused.getMessage(),
                  null,
                  List.of(),
                  null));
      if (refused.status() == 303 && !repeatable) {
        // 303 See Other answers a request the server processed, pointing at its result
        return new Step.Fail(
            new OutcomeUnknownException(
                request.operationName()
                    + " was answered 303 See Other, which says it was processed; its result is"
                    + " elsewhere and was not fetched",
                attempt,
                error));
      }
      return new Step.Fail(error);
    }
    TlsFailure tls = failed.requestStarted() ? null : TlsFailure.of(failed.error());
    if (tls != null) {
      // The same certificate meets the same check on every attempt: end at once, saying what fixes
      // it.
      return new Step.Fail(
          transport(
              request.operationName()
                  + " failed: "
                  + tls.what()
                  + ": "
                  + describe(failed)
                  + "; "
                  + tls.fix(),
              anyStarted,
              attempt,
              failed));
    }
    boolean tooLarge = failed.error() instanceof ResponseTooLargeException;
    if (attemptsLeft && !tooLarge && (!failed.requestStarted() || repeatable)) {
      return new Step.Retry(policy.backoff(attempt, random.getAsDouble()));
    }
    String what = request.operationName() + " failed: " + describe(failed);
    if (!repeatable && failed.requestStarted()) {
      return new Step.Fail(new OutcomeUnknownException(what, attempt, failed.error()));
    }
    return new Step.Fail(transport(what, anyStarted, attempt, failed));
  }

  /**
   * Whether a server that answered {@code status} may have applied the request first: a timeout
   * (408) or any server error, a gateway's (502, 504, a CDN's 52x) included, where the request may
   * have reached the service before the failure.
   */
  static boolean mayHaveActed(int status) {
    return status == 408 || status >= 500;
  }

  /**
   * Returns the exception for a call that never got an answer; says "not sent" when that is
   * certain.
   */
  private static TransportException transport(
      String what, boolean anyStarted, int attempt, AttemptOutcome.Failed failed) {
    return new TransportException(
        what + (anyStarted ? "" : "; not sent"), anyStarted, attempt, failed.error());
  }

  /**
   * Names the failure; OkHttp's message may quote bytes a server sent, so it is cleaned and capped.
   */
  private static String describe(AttemptOutcome.Failed failed) {
    String message = failed.error().getMessage();
    if (message == null || message.isBlank()) {
      return failed.error().getClass().getSimpleName();
    }
    String clean = message.replaceAll("[\\p{Cntrl}]", "?");
    if (clean.length() > MAX_MESSAGE) {
      clean = clean.substring(0, MAX_MESSAGE) + "...";
    }
    return failed.error().getClass().getSimpleName() + " (" + clean + ")";
  }
}
