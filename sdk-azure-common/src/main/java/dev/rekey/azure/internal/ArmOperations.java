package dev.rekey.azure.internal;

import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.ArmPolling;
import dev.rekey.core.internal.poll.Finished;
import dev.rekey.core.poll.Operation;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs an ARM call that may answer at once (200/201 with the result) or accept and finish later (202
 * with {@code Location} and/or {@code Azure-AsyncOperation}), in the sync and the async form.
 */
public final class ArmOperations {
  private ArmOperations() {}

  /**
   * Sends {@code request} and returns its operation: already completed for a 200/201 answer, polling
   * for a 202.
   *
   * @throws RekeyException the pipeline's exceptions, or when the answer is neither
   */
  public static <T> Operation<T> begin(
      HttpPipeline pipeline, ApiRequest request, Function<ApiResponse, T> decoder) {
    return operation(pipeline, pipeline.send(request), decoder);
  }

  /** Sends {@code request} without blocking and completes with the final result, polling if needed. */
  public static <T> CompletableFuture<T> runAsync(
      HttpPipeline pipeline, ApiRequest request, Function<ApiResponse, T> decoder) {
    return pipeline.sendAsync(request).thenCompose(r -> operation(pipeline, r, decoder).toFuture());
  }

  private static <T> Operation<T> operation(
      HttpPipeline pipeline, ApiResponse response, Function<ApiResponse, T> decoder) {
    boolean accepted =
        response.statusCode() == 202
            || response.header("Azure-AsyncOperation").isPresent()
            || (response.statusCode() == 201 && response.header("Location").isPresent());
    if (accepted) {
      return ArmPolling.begin(pipeline, response, decoder);
    }
    if (response.statusCode() == 200 || response.statusCode() == 201) {
      return Finished.read(response, decoder);
    }
    throw new RekeyException(
        "unexpected HTTP " + response.statusCode() + " from " + response.url().encodedPath());
  }
}
