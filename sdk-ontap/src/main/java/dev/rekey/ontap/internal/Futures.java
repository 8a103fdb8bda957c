package dev.rekey.ontap.internal;

import dev.rekey.core.RekeyException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns the async flow into the sync API and back, keeping Rekey's exceptions as they are. */
public final class Futures {
  private Futures() {}

  /** Waits for {@code future} and returns its value, rethrowing its exception unwrapped. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new RekeyException("interrupted while waiting for the cluster", e);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    }
  }

  /** Returns the exception a future failed with, without {@link CompletionException} wrappers. */
  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static RuntimeException rethrowable(Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new RekeyException("the call failed", t);
  }
}
