package dev.rekey.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The clock and the waits of a client: retry backoff and polling intervals go through it, so a test
 * can replace real time with a fake one and assert every wait.
 */
public interface TimeSource {

  /** Returns the current instant. */
  Instant now();

  /**
   * Blocks the calling thread for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns a future that completes after {@code duration} without holding a thread meanwhile. */
  CompletableFuture<Void> delay(Duration duration);

  /**
   * Returns real time: the system UTC clock, {@link Thread#sleep} and the JDK's delay scheduler.
   */
  static TimeSource system() {
    return SystemTime.INSTANCE;
  }
}

/**
 * Real time; the JDK's shared delay scheduler runs on a daemon thread, so nothing keeps a JVM
 * alive.
 */
enum SystemTime implements TimeSource {
  INSTANCE;

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (!duration.isNegative() && !duration.isZero()) {
      Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
  }
}
