package dev.rekey.azure.storage.internal;

import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.PollStep;
import dev.rekey.core.internal.poll.PollStrategy;
import dev.rekey.core.internal.poll.Poller;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.internal.poll.Unfollowable;
import dev.rekey.core.poll.Operation;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Classic Azure Service Management's async protocol: poll {@code {base}/{subscription}/operations/
 * {requestId}} (XML {@code Operation} with {@code ID}, {@code Status}, {@code Error}) until {@code
 * Succeeded}, then send the caller's follow-up request and decode it. Status values other than
 * {@code Succeeded} and {@code Failed} are kept as reported and polled on until the deadline.
 *
 * @param <T> the type of the final result
 */
public final class AsmPolling<T> implements PollStrategy<T> {
  private final String requestId;
  private final ApiRequest poll;
  private final ApiRequest followUp;
  private final ResultReader<T> reader;
  private final int sends;

  private AsmPolling(
      String requestId, ApiRequest poll, ApiRequest followUp, ResultReader<T> reader, int sends) {
    this.requestId = requestId;
    this.sends = sends;
    this.poll = poll;
    this.followUp = followUp;
    this.reader = reader;
  }

  /**
   * Returns the operation the service accepted with {@code accepted}, whose {@code x-ms-request-id}
   * names it; status requests carry {@code x-ms-version: msVersion}.
   *
   * @param pipeline the pipeline that sends the status and follow-up requests
   * @param base the service root, e.g. {@code https://management.core.windows.net}
   * @param subscriptionId the subscription the operation runs in
   * @param accepted the service's 202 answer
   * @param msVersion the {@code x-ms-version} the caller's API speaks
   * @param followUp the request that reads the result once the operation succeeded
   * @param reader reads the result from the follow-up response
   * @throws dev.rekey.core.OutcomeUnknownException if a rotation was accepted without {@code
   *     x-ms-request-id}: it may run, and cannot be followed ({@link RekeyException} for a read)
   */
  public static <T> Operation<T> begin(
      HttpPipeline pipeline,
      HttpUrl base,
      String subscriptionId,
      ApiResponse accepted,
      String msVersion,
      ApiRequest followUp,
      ResultReader<T> reader) {
    String requestId = accepted.header("x-ms-request-id").orElse(null);
    if (requestId == null || requestId.isBlank()) {
      throw Unfollowable.of(accepted, reader, "without x-ms-request-id");
    }
    HttpUrl status =
        base.newBuilder()
            .addPathSegment(Objects.requireNonNull(subscriptionId, "subscriptionId == null"))
            .addPathSegment("operations")
            .addPathSegment(requestId.trim())
            .build();
    ApiRequest poll =
        ApiRequest.get(status)
            .header("x-ms-version", Objects.requireNonNull(msVersion, "msVersion == null"))
            .carriesNoSecrets() // Get Operation Status: id, status, HTTP status, error; never a key
            .build();
    AsmPolling<T> strategy =
        new AsmPolling<>(
            requestId.trim(),
            poll,
            Objects.requireNonNull(followUp, "followUp == null"),
            Objects.requireNonNull(reader, "reader == null"),
            accepted.attempts());
    return Poller.start(pipeline, requestId.trim(), "Accepted", poll, accepted, strategy);
  }

  @Override
  public PollStep<T> evaluate(ApiResponse response) {
    JsonNode operation = XmlCodec.xmlTree(response.body());
    String reportedId = operation.trimmedStringField("ID");
    String status = operation.trimmedStringField("Status");
    if (status == null) {
      // every Get Operation Status answer carries a Status (InProgress, Succeeded or Failed); one
      // without, such as an <Error> on 200 or a 307, says nothing of the operation
      throw new RekeyException(
          "the service answered HTTP "
              + response.statusCode()
              + " without an operation <Status>"
              + errorCode(operation));
    }
    if (reportedId != null && !normalise(reportedId).equals(normalise(requestId))) {
      String message =
          "operation status for "
              + requestId
              + " answered for a different operation, "
              + reportedId;
      return new PollStep.Failed<>(
          status,
          new OutcomeUnknownException(message, sends, requestId, new RekeyException(message)));
    }
    if (status.equalsIgnoreCase("Succeeded")) {
      return new PollStep.Fetch<>(status, followUp, reader);
    }
    if (status.equalsIgnoreCase("Failed")) {
      JsonNode error = operation.path("Error");
      String code = error.trimmedStringField("Code");
      String message = error.trimmedStringField("Message");
      return new PollStep.Failed<>(
          status, new OperationFailedException(requestId, status, code, message));
    }
    return new PollStep.Running<>(status, poll);
  }

  private static String errorCode(JsonNode answer) {
    String code = answer.trimmedStringField("Code");
    return code == null ? "" : " (" + code + ")";
  }

  /**
   * Returns the id with dashes removed and lower-cased: headers send 32 hex digits, bodies a GUID.
   */
  static String normalise(String id) {
    return id.trim().replace("-", "").toLowerCase(Locale.ROOT);
  }
}
