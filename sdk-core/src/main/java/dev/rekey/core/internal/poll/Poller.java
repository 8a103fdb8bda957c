package dev.rekey.core.internal.poll;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.TimeSource;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.codec.ErrorText;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.DeadlineReachedException;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.http.RetryAfter;
import dev.rekey.core.poll.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The one polling engine: an {@link Operation} whose sync and async drivers are thin loops around
 * the shared decisions of {@link PollState}. Status requests go through the pipeline, so they get
 * its auth, retry and redacting logger; waits and the deadline use the pipeline's {@link
 * TimeSource}.
 *
 * @param <T> the type of the final result
 */
public final class Poller<T> implements Operation<T> {
  private final HttpPipeline pipeline;
  private final PollState<T> state;
  private @Nullable CompletableFuture<T> future;

  private Poller(HttpPipeline pipeline, PollState<T> state) {
    this.pipeline = pipeline;
    this.state = state;
  }

  /**
   * Returns an operation that polls with {@code firstPoll} and reads each answer with {@code
   * strategy}; nothing is sent before the caller looks or waits.
   *
   * @param pipeline the pipeline that sends status requests and supplies time and policy
   * @param id the operation's id, readable at once
   * @param initialStatus the status to report before the first poll, e.g. {@code Accepted}
   * @param firstPoll the first status request
   * @param accepted the service's "accepted" answer, whose {@code Retry-After} sets the first wait
   *     and whose {@link ApiResponse#attempts()} counts the sends a lost operation reports
   * @param strategy reads each status response
   */
  public static <T> Poller<T> start(
      HttpPipeline pipeline,
      String id,
      String initialStatus,
      ApiRequest firstPoll,
      @Nullable ApiResponse accepted,
      PollStrategy<T> strategy) {
    Objects.requireNonNull(pipeline, "pipeline == null");
    Duration firstWait =
        accepted == null
            ? null
            : RetryAfter.from(accepted.headers(), pipeline.time().now()).orElse(null);
    return new Poller<>(
        pipeline,
        new PollState<>(
            Objects.requireNonNull(id, "id == null"),
            Objects.requireNonNull(initialStatus, "initialStatus == null"),
            Objects.requireNonNull(firstPoll, "firstPoll == null"),
            firstWait,
            pipeline.options().pollingPolicy(),
            Objects.requireNonNull(strategy, "strategy == null"),
            accepted == null ? 1 : accepted.attempts()));
  }

  @Override
  public String id() {
    return state.id();
  }

  @Override
  public String lastStatus() {
    return state.lastStatus();
  }

  @Override
  public Optional<T> poll() {
    Optional<T> done = state.settled();
    if (done.isPresent()) {
      return done;
    }
    Instant now = pipeline.time().now();
    look(state.request(), null, now);
    if (state.fetching()) {
      look(state.request(), null, now);
    }
    return state.settled();
  }

  @Override
  public T waitForCompletion() {
    return waitForCompletion(pipeline.options().pollingPolicy().timeout());
  }

  @Override
  public T waitForCompletion(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    TimeSource time = pipeline.time();
    Instant start = time.now();
    Instant deadline = start.plus(timeout);
    while (true) {
      PollState.Next<T> next = state.next(time.now(), start, deadline);
      if (next instanceof PollState.Next.Finish<T> finish) {
        return finish.value();
      }
      PollState.Next.Send<T> send = (PollState.Next.Send<T>) next;
      if (!send.delay().isZero()) {
        sleep(time, send.delay());
      }
      if (state.settled().isEmpty()) {
        look(send.request(), lookEnd(deadline), start);
      }
    }
  }

  @Override
  public synchronized CompletableFuture<T> toFuture() {
    if (future == null) {
      CompletableFuture<T> f = new CompletableFuture<>();
      future = f;
      Instant start = pipeline.time().now();
      stepAsync(f, start, start.plus(pipeline.options().pollingPolicy().timeout()));
    }
    return future;
  }

  @Override
  public boolean cancel() {
    boolean stopped = state.cancel();
    CompletableFuture<T> f;
    synchronized (this) {
      f = future;
    }
    if (f != null) {
      f.cancel(false);
    }
    return stopped;
  }

  /**
   * Looks once with {@code request}, ending by {@code end} when a wait that began at {@code start}
   * sets one ({@link #lookEnd}); a look cut there times the wait out.
   */
  private void look(ApiRequest request, @Nullable Instant end, Instant start) {
    ApiResponse response;
    try {
      response = pipeline.send(request, end);
    } catch (DeadlineReachedException e) {
      throw timedOut(start);
    } catch (RuntimeException e) {
      throw state.onError(request, e);
    }
    state.onResponse(request, response, pipeline.time().now());
  }

  /**
   * Returns when a status look sent while waiting until {@code deadline} must end (the look sent at
   * the deadline gets one polling interval to answer), or null for a result fetch, which is never
   * cut: the operation succeeded and the fetch carries its result.
   */
  private @Nullable Instant lookEnd(Instant deadline) {
    return state.fetching()
        ? null
        : deadline.plus(pipeline.options().pollingPolicy().maxInterval());
  }

  private PollingTimeoutException timedOut(Instant start) {
    return new PollingTimeoutException(
        state.id(),
        state.lastStatus(),
        Duration.between(start, pipeline.time().now()),
        state.sends());
  }

  private void stepAsync(CompletableFuture<T> f, Instant start, Instant deadline) {
    if (f.isDone()) {
      return;
    }
    PollState.Next<T> next;
    try {
      next = state.next(pipeline.time().now(), start, deadline);
    } catch (CancellationException e) {
      f.cancel(false);
      return;
    } catch (RuntimeException e) {
      f.completeExceptionally(e);
      return;
    }
    if (next instanceof PollState.Next.Finish<T> finish) {
      f.complete(finish.value());
      return;
    }
    PollState.Next.Send<T> send = (PollState.Next.Send<T>) next;
    if (send.delay().isZero()) {
      sendAsync(f, send.request(), start, deadline);
    } else {
      Futures.afterWait(
          pipeline.time().delay(send.delay()),
          f,
          "poll operation " + state.id(),
          () -> sendAsync(f, send.request(), start, deadline));
    }
  }

  private void sendAsync(
      CompletableFuture<T> f, ApiRequest request, Instant start, Instant deadline) {
    if (f.isDone()) {
      return;
    }
    CompletableFuture<ApiResponse> call = pipeline.sendAsync(request, lookEnd(deadline));
    f.whenComplete((v, e) -> call.cancel(false));
    call.whenComplete(
        (response, error) -> {
          try {
            if (error != null) {
              RuntimeException e = unwrap(error);
              throw e instanceof DeadlineReachedException
                  ? timedOut(start)
                  : state.onError(request, e);
            }
            state.onResponse(request, response, pipeline.time().now());
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
            return;
          }
          try {
            stepAsync(f, start, deadline);
          } catch (Throwable e) { // on a pipeline thread, nobody else would complete the future
            f.completeExceptionally(e);
          }
        });
  }

  private static RuntimeException unwrap(Throwable error) {
    Throwable e = Futures.unwrap(error);
    return e instanceof RuntimeException r ? r : new RekeyException("status request failed", e);
  }

  private void sleep(TimeSource time, Duration wait) {
    try {
      time.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // only the waiting stopped: the operation runs on, and this Operation can still follow it
      throw new OutcomeUnknownException(
          "interrupted while waiting for operation "
              + state.id()
              + " to finish (last status "
              + ErrorText.clean(state.lastStatus())
              + "); it may still run: poll or wait for it again",
          state.sends(),
          state.id(),
          e);
    }
  }

  @Override
  public String toString() {
    return "Operation[" + state.id() + ", " + state.lastStatus() + "]";
  }
}
