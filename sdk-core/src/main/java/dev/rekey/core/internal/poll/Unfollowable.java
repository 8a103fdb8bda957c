package dev.rekey.core.internal.poll;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.Redaction;

/** The exception for an answer that accepted a call but names no operation Rekey can follow. */
public final class Unfollowable {
  private Unfollowable() {}

  /**
   * Returns, for a rotation, an {@link OutcomeUnknownException} whose operation id is the answer's
   * request id, else the call's URL: the service accepted it, so it may still run, and a read now
   * could not say what it will do (a lost-answer check must not settle it by sending again). For a
   * read, a {@link RekeyException}.
   */
  public static RekeyException of(ApiResponse accepted, ResultReader<?> reader, String what) {
    String requestId = accepted.requestId();
    String message =
        "service answered HTTP "
            + accepted.statusCode()
            + " "
            + what
            + "; the operation cannot be followed"
            + (requestId != null ? " [request id " + requestId + "]" : "");
    if (reader.isRotation()) {
      String id = requestId != null ? requestId : Redaction.url(accepted.url());
      return new OutcomeUnknownException(message, 1, id, new RekeyException(message));
    }
    return new RekeyException(message);
  }
}
