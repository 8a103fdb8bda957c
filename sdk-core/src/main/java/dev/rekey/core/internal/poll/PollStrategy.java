package dev.rekey.core.internal.poll;

import dev.rekey.core.internal.http.ApiResponse;

/**
 * A service's async protocol: reads each status response into a {@link PollStep}. Strategies hold
 * no mutable state, so one {@link Poller} may drive them from several threads.
 *
 * @param <T> the type of the final result
 */
public interface PollStrategy<T> {

  /**
   * Returns what {@code response} (an answer below 400 to the last status request) says.
   *
   * @throws dev.rekey.core.RekeyException if the response is not the documented status body
   */
  PollStep<T> evaluate(ApiResponse response);

  /**
   * Returns the exception to throw when a status request itself failed; by default {@code error}
   * unchanged.
   */
  default RuntimeException translate(RuntimeException error) {
    return error;
  }
}
