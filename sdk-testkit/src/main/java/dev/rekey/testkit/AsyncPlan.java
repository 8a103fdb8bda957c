package dev.rekey.testkit;

import java.util.Objects;

/**
 * How an emulator answers the next long-running call: at once, or with 202 and a status URL that
 * reports progress for {@code polls} looks before the operation ends as {@code outcome}. Plan one
 * with {@link Faults#planNextOperation(AsyncPlan)} on any emulator with asynchronous flows; classic
 * storage and ONTAP ignore the {@code style}.
 *
 * @param style which status headers the 202 carries
 * @param polls how many polls see the operation still running
 * @param outcome how the operation ends
 */
public record AsyncPlan(Style style, int polls, Outcome outcome) {

  /** Which headers a 202 answer carries. */
  public enum Style {
    /** {@code Location} only: poll it until it answers 200 with the result. */
    LOCATION,
    /** {@code Azure-AsyncOperation} (status body) and {@code Location} (final result). */
    ASYNC_OPERATION_AND_LOCATION,
    /**
     * {@code Azure-AsyncOperation} only: the result can only be read from the status body, if at
     * all.
     */
    ASYNC_OPERATION_ONLY
  }

  /** How an operation ends. */
  public enum Outcome {
    /** Applies the change and returns the result. */
    SUCCEEDED,
    /** Does not apply the change; the status reports Failed with an error. */
    FAILED,
    /** Does not apply the change; the status reports Canceled. */
    CANCELED,
    /** Never ends: every poll says it is still running. */
    HANGS,
    /** Its status endpoint answers 404 from the first poll: the change is never applied. */
    NOT_FOUND
  }

  /** Creates a plan; {@code polls} must not be negative. */
  public AsyncPlan {
    Objects.requireNonNull(style, "style == null");
    Objects.requireNonNull(outcome, "outcome == null");
    if (polls < 0) {
      throw new IllegalArgumentException("polls must not be negative, was " + polls);
    }
  }

  /** Returns a plan that answers 202 + Location and succeeds after {@code polls} polls. */
  public static AsyncPlan location(int polls) {
    return new AsyncPlan(Style.LOCATION, polls, Outcome.SUCCEEDED);
  }

  /**
   * Returns a plan that answers 202 + Azure-AsyncOperation + Location and succeeds after {@code
   * polls}.
   */
  public static AsyncPlan asyncOperation(int polls) {
    return new AsyncPlan(Style.ASYNC_OPERATION_AND_LOCATION, polls, Outcome.SUCCEEDED);
  }

  /** Returns a copy that ends as {@code outcome}. */
  public AsyncPlan endingAs(Outcome outcome) {
    return new AsyncPlan(style, polls, outcome);
  }
}
