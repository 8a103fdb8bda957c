package dev.rekey.core.internal;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The one way Rekey takes a failed future apart, and waits on one for a sync API. */
public final class Futures {
  private Futures() {}

  /**
   * Returns the exception a future failed with, without the {@link CompletionException} and {@link
   * ExecutionException} wrappers around it.
   */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Returns {@code first.thenCompose(next)}, except that cancelling the returned future cancels the
   * stage it waits for: {@code first} while it runs, then the future {@code next} made. (A plain
   * {@code thenCompose} cancels only itself: the call or the polling it waits for would go on.)
   */
  public static <A, B> CompletableFuture<B> thenCompose(
      CompletableFuture<A> first, Function<? super A, CompletableFuture<B>> next) {
    return handleCompose(
        first,
        (value, error) ->
            error != null ? CompletableFuture.failedFuture(error) : next.apply(value));
  }

  /**
   * Returns the future of what {@code next} makes of {@code first}'s value or (unwrapped) failure,
   * like {@code first.handle(next).thenCompose(f -> f)}; cancelling it cancels the stage it waits
   * for, as {@link #thenCompose(CompletableFuture, Function)} does.
   */
  public static <A, B> CompletableFuture<B> handleCompose(
      CompletableFuture<A> first,
      BiFunction<? super @Nullable A, @Nullable Throwable, CompletableFuture<B>> next) {
    CompletableFuture<B> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> waitedFor = new AtomicReference<>(first);
    result.whenComplete(
        (value, error) -> {
          if (result.isCancelled()) {
            waitedFor.get().cancel(false);
          }
        });
    first.whenComplete(
        (value, error) -> {
          if (result.isDone()) {
            return; // cancelled: first was cancelled with it
          }
          CompletableFuture<B> then;
          try {
            then = next.apply(value, error == null ? null : unwrap(error));
          } catch (Throwable e) {
            result.completeExceptionally(wrapped(e));
            return;
          }
          waitedFor.set(then);
          if (result.isCancelled()) {
            then.cancel(false);
            return;
          }
          then.whenComplete(
              (b, failed) -> {
                if (failed != null) {
                  result.completeExceptionally(wrapped(failed));
                } else {
                  result.complete(b);
                }
              });
        });
    return result;
  }

  /** Wraps a dependent stage's failure as {@code thenCompose} does, so callers see the same. */
  private static CompletionException wrapped(Throwable failure) {
    return failure instanceof CompletionException c ? c : new CompletionException(failure);
  }

  /**
   * Waits for {@code future} and returns its value, rethrowing its exception unwrapped: a runtime
   * exception or error as it is, a checked one inside a {@link RekeyException}.
   *
   * @throws RekeyException if the thread is interrupted while waiting (the future is cancelled and
   *     the interrupt flag kept)
   */
  public static <T> T join(CompletableFuture<T> future) {
    return join(future, e -> new RekeyException("interrupted while waiting for the service", e));
  }

  /**
   * Waits, like {@link #join(CompletableFuture)}, for the flow {@code confirming} that settles the
   * lost answer {@code lost} of the rotation {@code what} names. An interrupt cancels the flow and
   * throws {@link OutcomeUnknownException}: the rotation was sent, its result not learned.
   */
  public static <T> T joinConfirmation(
      CompletableFuture<T> confirming, String what, OutcomeUnknownException lost) {
    return join(
        confirming,
        interrupted -> {
          OutcomeUnknownException unknown =
              new OutcomeUnknownException(
                  what + ": the answer was lost and the wait to confirm it was interrupted",
                  lost.attempts(),
                  lost);
          unknown.addSuppressed(interrupted);
          return unknown;
        });
  }

  /**
   * Runs {@code then} once {@code wait} (a {@code TimeSource.delay}) ends, or fails {@code result}
   * when the time source could not wait (e.g. its scheduler was shut down): an async call never
   * stays pending on a wait that will not come.
   */
  public static void afterWait(
      CompletableFuture<Void> wait, CompletableFuture<?> result, String what, Runnable then) {
    wait.whenComplete(
        (done, failed) -> {
          if (failed != null) {
            result.completeExceptionally(
                new RekeyException("the time source could not wait to " + what, unwrap(failed)));
          } else {
            then.run();
          }
        });
  }

  /**
   * Waits for {@code future} like {@link #join(CompletableFuture)}, but an interrupt throws what
   * {@code interrupted} makes of it (after cancelling the future and keeping the interrupt flag).
   */
  private static <T> T join(
      CompletableFuture<T> future, Function<InterruptedException, RuntimeException> interrupted) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw interrupted.apply(e);
    } catch (ExecutionException e) {
      Throwable t = unwrap(e);
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error error) {
        throw error;
      }
      throw new RekeyException("the call failed", t);
    }
  }
}
