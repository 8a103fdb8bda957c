package dev.rekey.core.internal.poll;

import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.http.ApiRequest;
import java.util.Objects;

/**
 * What a {@link PollStrategy} read from one status response.
 *
 * @param <T> the type of the final result
 */
public sealed interface PollStep<T> {

  /** Returns the status as the service spelled it. */
  String status();

  /**
   * The operation is still running: wait (the response's {@code Retry-After}, else the policy's
   * interval) and send {@code next}.
   *
   * @param status the status the service reported
   * @param next the status request to send next (the same one, or a new {@code Location})
   * @param <T> the type of the final result
   */
  record Running<T>(String status, ApiRequest next) implements PollStep<T> {
    /** Checks the arguments. */
    public Running {
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(next, "next == null");
    }
  }

  /**
   * The operation succeeded and its result is read by one more request, sent at once.
   *
   * @param status the status the service reported
   * @param request the request that fetches the result
   * @param reader reads the result from that request's response
   * @param pollsWhileAccepted whether a 202 to {@code request} means the result is not ready yet:
   *     polling then goes on with the strategy evaluating that answer and the ones after it (ARM's
   *     {@code Location}, which answers 202 until it has the result)
   * @param <T> the type of the final result
   */
  record Fetch<T>(
      String status, ApiRequest request, ResultReader<T> reader, boolean pollsWhileAccepted)
      implements PollStep<T> {
    /** Checks the arguments. */
    public Fetch {
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(request, "request == null");
      Objects.requireNonNull(reader, "reader == null");
    }

    /** A fetch whose answer is the result, whatever its status. */
    public Fetch(String status, ApiRequest request, ResultReader<T> reader) {
      this(status, request, reader, false);
    }
  }

  /**
   * The operation succeeded with {@code value}.
   *
   * @param status the status the service reported
   * @param value the final result, never null
   * @param <T> the type of the final result
   */
  record Done<T>(String status, T value) implements PollStep<T> {
    /** Checks the arguments. */
    public Done {
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(value, "value == null");
    }
  }

  /**
   * The operation ended without a result; {@code error} is thrown to every waiter.
   *
   * @param status the terminal status the service reported
   * @param error the exception that says why
   * @param <T> the type of the final result
   */
  record Failed<T>(String status, RekeyException error) implements PollStep<T> {
    /** Checks the arguments. */
    public Failed {
      Objects.requireNonNull(status, "status == null");
      Objects.requireNonNull(error, "error == null");
    }
  }
}
