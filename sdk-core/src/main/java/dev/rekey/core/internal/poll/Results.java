package dev.rekey.core.internal.poll;

import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.codec.MalformedBodyException;
import dev.rekey.core.internal.http.ApiResponse;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reads a final result so that a finished operation never yields {@code null}. */
final class Results {
  private Results() {}

  /**
   * Returns {@code decoder}'s value for {@code response}.
   *
   * @throws RekeyException ({@link #unreadable}) if the decoder returns null, or fails on an empty or
   *     malformed body
   */
  static <T> T read(String operationId, ApiResponse response, Function<ApiResponse, T> decoder) {
    T value;
    try {
      value = decoder.apply(response);
    } catch (MalformedBodyException e) {
      throw unreadable(operationId, response.body().length == 0 ? "the service sent an empty result" : "the body is malformed", e);
    } catch (RuntimeException e) {
      if (response.body().length == 0) {
        throw unreadable(operationId, "the service sent an empty result", e);
      }
      throw e;
    }
    if (value == null) {
      throw unreadable(operationId, "the result could not be decoded", null);
    }
    return value;
  }

  /** Returns {@link PollStep.Done} with the value read from {@code response}, or why it is unreadable. */
  static <T> PollStep<T> finish(
      String operationId, String status, ApiResponse response, Function<ApiResponse, T> decoder) {
    try {
      return new PollStep.Done<>(status, read(operationId, response, decoder));
    } catch (RekeyException e) {
      return new PollStep.Failed<>(status, e);
    }
  }

  /** Returns the exception for an operation that succeeded but whose result could not be read. */
  static RekeyException unreadable(String operationId, String why, @Nullable Throwable cause) {
    return new RekeyException(
        "operation "
            + operationId
            + " succeeded but its result could not be read ("
            + why
            + "); what it created, e.g. a new credential, exists on the service but was not returned",
        cause);
  }
}
