package dev.rekey.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;

/**
 * Fault injection shared by every emulator. Request faults ({@link FaultRules}) apply to the next
 * {@code n} requests that match them (any request by default, or those {@link #matching matching} a
 * method and path), in the order they were added. Operation plans decide how the next long-running
 * call runs on every emulator with asynchronous flows (ARM operations, classic storage operations,
 * ONTAP jobs): answered at once by default, or 202 and an operation that succeeds, fails, is
 * canceled, never ends, or whose status endpoint answers 404. Thread-safe.
 *
 * <pre>{@code
 * emulator.faults().throttle(2, Duration.ofSeconds(1));          // two 429s with Retry-After: 1
 * emulator.faults().matching("POST", ".+generateCredentials").dropAfterProcessing(1);
 * emulator.faults().failNextOperation();                         // 202, then the operation fails
 * }</pre>
 */
public final class Faults extends FaultRules<Faults> {

  /** What an emulator does with one request. */
  public sealed interface Fault {
    /** Answer {@code status} in the service's error format with {@code headers}, unprocessed. */
    record Status(int status, Map<String, String> headers) implements Fault {}

    /** Close the connection without processing the request or sending a byte. */
    record DropBeforeProcessing() implements Fault {}

    /** Process the request (state changes), then close the connection before answering. */
    record DropAfterProcessing() implements Fault {}

    /** Process the request, send the headers and half the body, then close the connection. */
    record CutOffMidBody() implements Fault {}

    /** Process the request, then answer only after {@code delay}. */
    record Delay(Duration delay) implements Fault {}

    /**
     * Process the request and answer as the service would, with {@code headers} added, e.g. a final
     * 200 that also carries {@code Azure-AsyncOperation} and {@code Location}.
     */
    record AddHeaders(Map<String, String> headers) implements Fault {}

    /**
     * Answer with parts replaced: the status, content type and body when given, else the service's
     * own (an absent body means the service's body cut to half its length); {@code processed} says
     * whether the service acts on the request first.
     */
    record Replace(
        Optional<Integer> status,
        Optional<String> contentType,
        Optional<String> body,
        boolean processed)
        implements Fault {}
  }

  private record Entry(Fault fault, Predicate<RecordedRequest> matcher, int[] remaining) {}

  private final Deque<Entry> entries = new ArrayDeque<>();
  private final Deque<AsyncPlan> plans = new ArrayDeque<>();

  Faults() {}

  /**
   * Returns a view whose faults apply only to requests with {@code method} and a path matching
   * {@code pathRegex}.
   */
  public Scoped matching(String method, String pathRegex) {
    return new Scoped(
        this, r -> r.getMethod().equals(method) && r.getUrl().encodedPath().matches(pathRegex));
  }

  /**
   * Runs the next long-running call as {@code plan}: 202, then an operation that ends as planned.
   */
  public synchronized Faults planNextOperation(AsyncPlan plan) {
    plans.add(Objects.requireNonNull(plan, "plan == null"));
    return this;
  }

  /**
   * Runs the next long-running call as an operation seen running for {@code polls} polls that then
   * ends as {@code outcome} (ARM emulators answer 202 with {@code Azure-AsyncOperation} and {@code
   * Location}).
   */
  public Faults planNextOperation(int polls, AsyncPlan.Outcome outcome) {
    return planNextOperation(
        new AsyncPlan(AsyncPlan.Style.ASYNC_OPERATION_AND_LOCATION, polls, outcome));
  }

  /**
   * Makes the next long-running call answer 202 and its operation end Failed, its change not
   * applied.
   */
  public Faults failNextOperation() {
    return planNextOperation(1, AsyncPlan.Outcome.FAILED);
  }

  /**
   * Makes the next long-running call answer 202 and its operation end Canceled (Failed where the
   * service has no such state).
   */
  public Faults cancelNextOperation() {
    return planNextOperation(1, AsyncPlan.Outcome.CANCELED);
  }

  /** Makes the next long-running call answer 202 and its operation never end. */
  public Faults hangNextOperation() {
    return planNextOperation(0, AsyncPlan.Outcome.HANGS);
  }

  /** Makes the next long-running call answer 202 with a status endpoint that answers 404. */
  public Faults loseNextOperation() {
    return planNextOperation(0, AsyncPlan.Outcome.NOT_FOUND);
  }

  /** Removes every pending fault and operation plan. */
  public synchronized void clear() {
    entries.clear();
    plans.clear();
  }

  /** Returns the plan for the next long-running call, consuming it, or empty to answer at once. */
  synchronized Optional<AsyncPlan> nextOperation() {
    return Optional.ofNullable(plans.poll());
  }

  /** Returns the fault for {@code request}, consuming one use of it, or empty when none applies. */
  synchronized Optional<Fault> next(RecordedRequest request) {
    for (Entry e : entries) {
      if (e.remaining[0] > 0 && e.matcher.test(request)) {
        if (--e.remaining[0] == 0) {
          entries.remove(e);
        }
        return Optional.of(e.fault);
      }
    }
    return Optional.empty();
  }

  @Override
  Faults add(int n, Fault fault) {
    return addMatching(n, fault, r -> true);
  }

  private synchronized Faults addMatching(int n, Fault fault, Predicate<RecordedRequest> matcher) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    entries.add(new Entry(Objects.requireNonNull(fault), matcher, new int[] {n}));
    return this;
  }

  /** Faults that apply only to requests matching one method and path pattern. */
  public static final class Scoped extends FaultRules<Scoped> {
    private final Faults owner;
    private final Predicate<RecordedRequest> matcher;

    private Scoped(Faults owner, Predicate<RecordedRequest> matcher) {
      this.owner = owner;
      this.matcher = matcher;
    }

    @Override
    Scoped add(int n, Fault fault) {
      owner.addMatching(n, fault, matcher);
      return this;
    }
  }
}
