package dev.rekey.azure.internal;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.Finished;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.internal.poll.Unfollowable;
import dev.rekey.core.poll.Operation;
import java.util.concurrent.CompletableFuture;

/**
 * Runs an ARM call that may answer at once or accept and finish later, in the sync and the async
 * form.
 *
 * <p>Which answers are followed (ARM's async rules for POST actions): a 200 is the final answer,
 * with the result in its body, whatever headers it also carries; a 202 is followed through its
 * {@code Azure-AsyncOperation} and/or {@code Location}; a 201 is followed when it names one (ARM's
 * PUT semantics: its body is the initial state, not the result) and read as the final answer when
 * it names neither; a 204 is a final answer without a body. None of the specs of the actions Rekey
 * calls declares a 201 (ACR generateCredentials: 200 or 202 with {@code Location}; Storage
 * regenerateKey and listKeys, NetApp bucket generateCredentials: 200).
 */
public final class ArmOperations {
  private ArmOperations() {}

  /**
   * Sends {@code request} and returns its operation: already completed for a final answer, polling
   * for an accepted one.
   *
   * @throws RekeyException the pipeline's exceptions; {@link OutcomeUnknownException} when a
   *     rotation is answered with a status that is neither final nor followable
   */
  public static <T> Operation<T> begin(
      HttpPipeline pipeline, ApiRequest request, ResultReader<T> reader) {
    return operation(pipeline, pipeline.send(request), reader);
  }

  /**
   * Sends {@code request} without blocking and completes with the final result, polling if needed.
   */
  public static <T> CompletableFuture<T> runAsync(
      HttpPipeline pipeline, ApiRequest request, ResultReader<T> reader) {
    return Futures.thenCompose(
        pipeline.sendAsync(request), r -> operation(pipeline, r, reader).toFuture());
  }

  private static <T> Operation<T> operation(
      HttpPipeline pipeline, ApiResponse response, ResultReader<T> reader) {
    int status = response.statusCode();
    boolean namesOperation =
        response.header("Azure-AsyncOperation").isPresent()
            || response.header("Location").isPresent();
    if (status == 202 || (status == 201 && namesOperation)) {
      return ArmPolling.begin(pipeline, response, reader);
    }
    if (status == 200 || status == 201 || status == 204) {
      return Finished.read(response, reader);
    }
    throw Unfollowable.of(response, reader, "from " + response.url().encodedPath());
  }
}
