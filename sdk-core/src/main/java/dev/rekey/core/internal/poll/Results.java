package dev.rekey.core.internal.poll;

import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.http.ApiResponse;
import java.util.function.Function;

/** Turns a final answer into the last {@link PollStep}, read by a {@link ResultReader}. */
public final class Results {
  /** What exists after a change whose caller gave no more precise recovery text. */
  static final String CHANGE_APPLIED =
      "what it changed exists on the service; check the credential's state before trying again";

  private Results() {}

  /**
   * Returns {@link PollStep.Done} with the value {@code reader} read from {@code response}, or why
   * it is unreadable.
   */
  public static <T> PollStep<T> finish(
      String operationId, String status, ApiResponse response, ResultReader<T> reader) {
    try {
      return new PollStep.Done<>(status, reader.read(operationId, response));
    } catch (RekeyException e) {
      return new PollStep.Failed<>(status, e);
    }
  }

  /**
   * Returns {@link #finish(String, String, ApiResponse, ResultReader)} for a change read by {@code
   * decoder}.
   */
  public static <T> PollStep<T> finish(
      String operationId, String status, ApiResponse response, Function<ApiResponse, T> decoder) {
    return finish(
        operationId, status, response, ResultReader.ofRotation(decoder, () -> CHANGE_APPLIED));
  }
}
