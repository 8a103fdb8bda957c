package dev.rekey.core.internal.poll;

import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ServiceException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.RetryAfter;
import dev.rekey.core.poll.PollingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Every decision of one operation's polling, shared by the sync and async drivers of {@link
 * Poller}: what to send next, how long to wait first, what a response means, and when to give up.
 */
final class PollState<T> {
  private final String id;

  /** How many times the accepted call was sent: a lost operation reports it as its attempts. */
  private final int sends;

  private final PollingPolicy policy;
  private final PollStrategy<T> strategy;

  private String lastStatus;
  private ApiRequest current;
  private Duration pendingWait;
  private Duration nextDefault;
  private PollStep.@Nullable Fetch<T> fetch;
  private @Nullable T value;
  private @Nullable RekeyException failure;
  private boolean cancelled;

  PollState(
      String id,
      String initialStatus,
      ApiRequest first,
      @Nullable Duration firstServerWait,
      PollingPolicy policy,
      PollStrategy<T> strategy,
      int sends) {
    this.id = id;
    this.sends = sends;
    this.lastStatus = initialStatus;
    this.current = first;
    this.policy = policy;
    this.strategy = strategy;
    this.nextDefault = policy.initialInterval();
    this.pendingWait = firstServerWait != null ? policy.cap(firstServerWait) : takeDefault();
  }

  /** What a driver does next: send a request after a wait, or hand the result over. */
  sealed interface Next<T> {
    /** Send {@code request} after {@code delay}. */
    record Send<T>(ApiRequest request, Duration delay) implements Next<T> {}

    /** The operation finished with {@code value}. */
    record Finish<T>(T value) implements Next<T> {}
  }

  String id() {
    return id;
  }

  /** Returns how many times the call that started the operation was sent. */
  int sends() {
    return sends;
  }

  synchronized String lastStatus() {
    return lastStatus;
  }

  PollStrategy<T> strategy() {
    return strategy;
  }

  /**
   * Returns the result if finished, empty if not; throws the failure or cancellation if ended so.
   */
  synchronized Optional<T> settled() {
    if (cancelled) {
      throw new CancellationException(
          "polling of operation " + id + " was cancelled by the caller");
    }
    if (failure != null) {
      throw failure;
    }
    return Optional.ofNullable(value);
  }

  /** Returns whether the operation succeeded and its result is still to be fetched. */
  synchronized boolean fetching() {
    return fetch != null && value == null && failure == null;
  }

  /**
   * Returns the request a single look sends now: the result fetch if due, else the status request.
   */
  synchronized ApiRequest request() {
    return fetch != null ? fetch.request() : current;
  }

  /**
   * Returns what a waiting driver does next, the wait clipped to {@code deadline}.
   *
   * @throws PollingTimeoutException if {@code now} is at or past {@code deadline}
   */
  synchronized Next<T> next(Instant now, Instant start, Instant deadline) {
    Optional<T> done = settled();
    if (done.isPresent()) {
      return new Next.Finish<>(done.get());
    }
    if (fetch != null) {
      return new Next.Send<>(fetch.request(), Duration.ZERO);
    }
    Duration remaining = Duration.between(now, deadline);
    if (remaining.isNegative() || remaining.isZero()) {
      throw new PollingTimeoutException(id, lastStatus, Duration.between(start, now), sends);
    }
    return new Next.Send<>(current, pendingWait.compareTo(remaining) > 0 ? remaining : pendingWait);
  }

  /**
   * Records what the answer to {@code sent} says; an answer that arrives after the state moved on
   * is ignored.
   *
   * @throws RekeyException if the response is unreadable or ends the operation without a result
   */
  synchronized void onResponse(ApiRequest sent, ApiResponse response, Instant now) {
    if (cancelled || failure != null || value != null) {
      return;
    }
    if (fetch != null) {
      if (sent != fetch.request()) {
        return;
      }
      if (!fetch.pollsWhileAccepted() || response.statusCode() != 202) {
        apply(Results.finish(id, fetch.status(), response, fetch.reader()), response, now);
        return;
      }
      fetch = null; // not ready yet: the strategy reads this answer and polls on
      current = sent;
    }
    if (sent != current) {
      return;
    }
    PollStep<T> step;
    try {
      step = strategy.evaluate(response);
    } catch (RuntimeException e) {
      step = new PollStep.Failed<>(lastStatus, lost("its status answer could not be read", e));
    }
    apply(step, response, now);
  }

  /**
   * Returns what a failed request of this operation means: when the result fetch failed, the
   * operation succeeded and its result was not returned; when a status request failed (after the
   * strategy's {@link PollStrategy#translate translation}), the outcome is unknown unless the
   * failure is the operation's own end.
   */
  synchronized RuntimeException onError(ApiRequest sent, RuntimeException error) {
    PollStep.Fetch<T> f = fetch;
    if (f != null && sent == f.request()) {
      return f.reader().unreadable(id, "fetching the result failed: " + error.getMessage(), error);
    }
    RuntimeException translated = strategy.translate(error);
    if (translated instanceof OperationFailedException
        || translated instanceof OutcomeUnknownException
        || translated instanceof CredentialNotReturnedException
        || !(translated instanceof RekeyException)) {
      return translated;
    }
    String why =
        translated instanceof ServiceException s && s.isNotFound()
            ? "it can no longer be polled (HTTP 404)"
            : "its status could not be read";
    return lost(why, translated);
  }

  private OutcomeUnknownException lost(String why, Throwable cause) {
    String detail =
        cause instanceof RekeyException
            ? ": " + cause.getMessage()
            : " (" + cause.getClass().getSimpleName() + ")";
    return new OutcomeUnknownException(
        "operation " + id + " was accepted but " + why + detail, sends, id, cause);
  }

  private void apply(PollStep<T> step, ApiResponse response, Instant now) {
    lastStatus = step.status();
    if (step instanceof PollStep.Running<T> running) {
      current = running.next();
      pendingWait =
          RetryAfter.from(response.headers(), now).map(policy::cap).orElseGet(this::takeDefault);
    } else if (step instanceof PollStep.Fetch<T> f) {
      fetch = f;
    } else if (step instanceof PollStep.Done<T> done) {
      value = done.value();
    } else {
      failure = ((PollStep.Failed<T>) step).error();
      throw failure;
    }
  }

  /** Stops local polling; returns whether the operation had not ended before. */
  synchronized boolean cancel() {
    if (cancelled || failure != null || value != null) {
      return false;
    }
    cancelled = true;
    return true;
  }

  private Duration takeDefault() {
    Duration wait = policy.cap(nextDefault);
    nextDefault = policy.next(nextDefault);
    return wait;
  }
}
