package dev.rekey.core.internal;

import dev.rekey.core.RekeyException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

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
   * Waits for {@code future} like {@link #join(CompletableFuture)}, but an interrupt throws what
   * {@code interrupted} makes of it (after cancelling the future and keeping the interrupt flag): a
   * wait for a rotation that was already sent says its outcome is unknown.
   */
  public static <T> T join(
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
