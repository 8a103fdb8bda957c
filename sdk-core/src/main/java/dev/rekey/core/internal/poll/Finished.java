package dev.rekey.core.internal.poll;

import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.poll.Operation;
import java.util.function.Function;

/**
 * Turns a call's immediate success answer (200/201) into a completed {@link Operation}, read the way a
 * polled result is: a change the service applied is never reported as a parsing error.
 */
public final class Finished {
  private Finished() {}

  /**
   * Returns a completed operation with {@code decoder}'s value for {@code response}; its id is the
   * service's request id, or the call's path when the service sent none.
   *
   * @throws RekeyException if the body is empty, malformed or decodes to nothing: the message says
   *     the call succeeded on the service (e.g. a new credential exists) but its result was not returned
   */
  public static <T> Operation<T> read(ApiResponse response, Function<ApiResponse, T> decoder) {
    String requestId = response.requestId();
    String id = requestId != null ? requestId : response.url().encodedPath();
    return Operation.completed(id, Results.read(id, response, decoder));
  }
}
