package dev.rekey.core.test;

import dev.rekey.core.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link TimeSource} whose waits return at once, advance the clock and are recorded for asserts. */
public final class FakeTime implements TimeSource {
  private Instant now;
  private final List<Duration> waits = new ArrayList<>();

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
    waits.add(duration);
    now = now.plus(duration);
  }

  @Override
  public CompletableFuture<Void> delay(Duration duration) {
    sleep(duration);
    return CompletableFuture.runAsync(() -> {});
  }

  /** Moves the clock forward without recording a wait. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Returns every wait so far, in order. */
  public synchronized List<Duration> waits() {
    return List.copyOf(waits);
  }
}
