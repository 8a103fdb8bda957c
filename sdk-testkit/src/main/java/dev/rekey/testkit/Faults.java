package dev.rekey.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import mockwebserver3.RecordedRequest;

/**
 * Fault injection shared by every emulator. Each fault applies to the next {@code n} requests that
 * match it (any request by default, or those {@link #matching matching} a method and path), in the
 * order the faults were added. Thread-safe.
 *
 * <pre>{@code
 * emulator.faults().throttle(2, Duration.ofSeconds(1));          // two 429s with Retry-After: 1
 * emulator.faults().matching("POST", ".+generateCredentials").dropAfterProcessing(1);
 * }</pre>
 */
public final class Faults {

  /** What an emulator does with one request. */
  public sealed interface Fault {
    /** Answer {@code status} (with {@code Retry-After} when given) without processing the request. */
    record Status(int status, Optional<Duration> retryAfter) implements Fault {}

    /** Close the connection without processing the request or sending a byte. */
    record DropBeforeProcessing() implements Fault {}

    /** Process the request (state changes), then close the connection before answering. */
    record DropAfterProcessing() implements Fault {}

    /** Process the request, then answer only after {@code delay}. */
    record Delay(Duration delay) implements Fault {}
  }

  private record Entry(Fault fault, Predicate<RecordedRequest> matcher, int[] remaining) {}

  private final Deque<Entry> entries = new ArrayDeque<>();

  /** Answers the next {@code n} matching requests with 429 and {@code Retry-After}. */
  public Faults throttle(int n, Duration retryAfter) {
    return add(n, new Fault.Status(429, Optional.of(retryAfter)), any());
  }

  /** Answers the next {@code n} matching requests with {@code status}, unprocessed. */
  public Faults fail(int n, int status) {
    return add(n, new Fault.Status(status, Optional.empty()), any());
  }

  /** Answers the next {@code n} matching requests with {@code status} and {@code Retry-After}. */
  public Faults fail(int n, int status, Duration retryAfter) {
    return add(n, new Fault.Status(status, Optional.of(retryAfter)), any());
  }

  /** Drops the connection of the next {@code n} matching requests before processing them. */
  public Faults dropBeforeProcessing(int n) {
    return add(n, new Fault.DropBeforeProcessing(), any());
  }

  /** Processes the next {@code n} matching requests, then drops their connections: answers lost. */
  public Faults dropAfterProcessing(int n) {
    return add(n, new Fault.DropAfterProcessing(), any());
  }

  /** Delays the answers to the next {@code n} matching requests by {@code delay}. */
  public Faults delay(int n, Duration delay) {
    return add(n, new Fault.Delay(delay), any());
  }

  /** Returns a view whose faults apply only to requests with {@code method} and a path matching {@code pathRegex}. */
  public Scoped matching(String method, String pathRegex) {
    return new Scoped(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().matches(pathRegex));
  }

  /** Removes every pending fault. */
  public synchronized void clear() {
    entries.clear();
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

  private synchronized Faults add(int n, Fault fault, Predicate<RecordedRequest> matcher) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    entries.add(new Entry(Objects.requireNonNull(fault), matcher, new int[] {n}));
    return this;
  }

  private static Predicate<RecordedRequest> any() {
    return r -> true;
  }

  /** Faults that apply only to requests matching one method and path pattern. */
  public final class Scoped {
    private final Predicate<RecordedRequest> matcher;

    private Scoped(Predicate<RecordedRequest> matcher) {
      this.matcher = matcher;
    }

    /** See {@link Faults#throttle}. */
    public Scoped throttle(int n, Duration retryAfter) {
      add(n, new Fault.Status(429, Optional.of(retryAfter)), matcher);
      return this;
    }

    /** See {@link Faults#fail(int, int)}. */
    public Scoped fail(int n, int status) {
      add(n, new Fault.Status(status, Optional.empty()), matcher);
      return this;
    }

    /** See {@link Faults#fail(int, int, Duration)}. */
    public Scoped fail(int n, int status, Duration retryAfter) {
      add(n, new Fault.Status(status, Optional.of(retryAfter)), matcher);
      return this;
    }

    /** See {@link Faults#dropBeforeProcessing}. */
    public Scoped dropBeforeProcessing(int n) {
      add(n, new Fault.DropBeforeProcessing(), matcher);
      return this;
    }

    /** See {@link Faults#dropAfterProcessing}. */
    public Scoped dropAfterProcessing(int n) {
      add(n, new Fault.DropAfterProcessing(), matcher);
      return this;
    }

    /** See {@link Faults#delay}. */
    public Scoped delay(int n, Duration delay) {
      add(n, new Fault.Delay(delay), matcher);
      return this;
    }
  }
}
