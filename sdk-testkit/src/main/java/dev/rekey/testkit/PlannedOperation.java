package dev.rekey.testkit;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An emulated long-running operation: it reports "running" for the planned number of looks, then
 * ends as planned; when it succeeds, its change runs exactly once and the result is kept for every
 * later look. The ARM, classic storage and ONTAP emulators all run their operations through it.
 */
final class PlannedOperation<R> {
  private final AsyncPlan.Outcome outcome;
  private final Supplier<R> change;
  private int looksLeft;
  private @Nullable R result;
  private boolean applied;

  PlannedOperation(int polls, AsyncPlan.Outcome outcome, Supplier<R> change) {
    this.looksLeft = polls;
    this.outcome = outcome;
    this.change = change;
  }

  /** Counts one look; returns whether the operation is still running after it. */
  synchronized boolean stillRunning() {
    if (outcome == AsyncPlan.Outcome.HANGS) {
      return true;
    }
    if (looksLeft > 0) {
      looksLeft--;
      return true;
    }
    return false;
  }

  /** Returns how the operation ends. */
  AsyncPlan.Outcome outcome() {
    return outcome;
  }

  /** Applies the change on first call and returns its result on every call. */
  synchronized @Nullable R applyOnce() {
    if (!applied) {
      result = change.get();
      applied = true;
    }
    return result;
  }
}
