package dev.rekey.core.internal.poll;

import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.poll.Operation;

/**
 * Turns a call's immediate success answer (200/201) into a completed {@link Operation}, read the
 * way a polled result is: a change the service applied is never reported as a parsing error.
 */
public final class Finished {
  private Finished() {}

  /**
   * Returns a completed operation with {@code reader}'s value for {@code response}; its id is the
   * service's request id, or the call's path when the service sent none.
   *
   * @throws dev.rekey.core.CredentialNotReturnedException if a rotation's body is empty, malformed
   *     or lacks the credential
   * @throws dev.rekey.core.TransportException if a read's body cannot be read
   */
  public static <T> Operation<T> read(ApiResponse response, ResultReader<T> reader) {
    String requestId = response.requestId();
    String id = requestId != null ? requestId : response.url().encodedPath();
    return Operation.completed(id, reader.read(id, response));
  }
}
