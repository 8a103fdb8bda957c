package dev.rekey.core.test;

import dev.rekey.core.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TimeSource} whose waits return at once, advance the clock and are recorded for asserts.
 *
 * <p>After {@link #holdDelays()}, an async {@link #delay} stays pending until the test calls {@link
 * #releaseNextDelay()}, so a test can observe that nothing blocks while a call waits to retry.
 */
public final class FakeTime implements TimeSource {
  private Instant now;
  private final List<Duration> waits = new ArrayList<>();
  private final Deque<Held> held = new ArrayDeque<>();
  private boolean holding;
  private int blockingSleeps;

  public FakeTime(Instant start) {
    this.now = start;
  }

  public FakeTime() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    blockingSleeps++;
    record(duration);
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    synchronized (this) {
      if (holding) {
        CompletableFuture<Void> pending = new CompletableFuture<>();
        held.add(new Held(duration, pending));
        return pending;
      }
      record(duration);
    }
    return CompletableFuture.runAsync(() -> {});
  }

  private void record(Duration duration) {
    waits.add(duration);
    now = now.plus(duration);
  }

  /** Makes later {@link #delay} calls wait for {@link #releaseNextDelay()}. */
  public synchronized FakeTime holdDelays() {
    holding = true;
    return this;
  }

  /** Returns how many async delays are pending. */
  public synchronized int pendingDelays() {
    return held.size();
  }

  /**
   * Completes the oldest pending delay (advancing the clock and recording the wait) on another
   * thread; the returned future completes once the delay's dependents have run.
   *
   * @throws IllegalStateException if none is pending
   */
  public CompletableFuture<Void> releaseNextDelay() {
    Held next;
    synchronized (this) {
      next = held.poll();
      if (next == null) {
        throw new IllegalStateException("no delay pending");
      }
      record(next.duration);
    }
    return CompletableFuture.runAsync(() -> next.future.complete(null));
  }

  /** Moves the clock forward without recording a wait. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Returns every wait so far (blocking sleeps and async delays), in order. */
  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** Returns how many times a caller blocked its thread in {@link #sleep}. */
  public synchronized int blockingSleeps() {
    return blockingSleeps;
  }

  private record Held(Duration duration, CompletableFuture<Void> future) {}
}
