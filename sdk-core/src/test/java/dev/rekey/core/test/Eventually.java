package dev.rekey.core.test;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, instead of a fixed sleep followed by an assertion. */
public final class Eventually {
  /** Long enough for a loaded 2-core CI machine; a passing test waits only as long as it must. */
  public static final Duration DEADLINE = Duration.ofSeconds(10);

  private Eventually() {}

  /**
   * Returns as soon as {@code condition} holds.
   *
   * @throws AssertionError naming {@code what} if it does not hold within {@link #DEADLINE}
   */
  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("within " + DEADLINE.toSeconds() + " s: " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }
}
