package dev.rekey.core.internal.poll;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.http.ApiResponse;

/** The exception for an "accepted" answer that names no operation Rekey can follow. */
public final class Unfollowable {
  private Unfollowable() {}

  /**
   * Returns, for a rotation, an {@link OutcomeUnknownException} (the service accepted it, so it may
   * run); for a read, a {@link RekeyException}.
   */
  public static RekeyException of(ApiResponse accepted, ResultReader<?> reader, String what) {
    String message =
        "service answered HTTP "
            + accepted.statusCode()
            + " "
            + what
            + "; the operation cannot be followed";
    if (reader.isRotation()) {
      return new OutcomeUnknownException(message, 1, new RekeyException(message));
    }
    return new RekeyException(message);
  }
}
