package dev.rekey.ontap.internal;

import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.codec.MalformedBodyException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.PollStep;
import dev.rekey.core.internal.poll.PollStrategy;
import dev.rekey.core.internal.poll.Poller;
import dev.rekey.core.internal.poll.Results;
import dev.rekey.core.poll.Operation;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * ONTAP's async protocol: poll {@code /api/cluster/jobs/{uuid}} until {@code state} is {@code
 * success} or {@code failure}. ONTAP deletes finished jobs after about 300 s, so a job that is gone
 * is reported as such rather than as a plain "not found". Polls name no {@code fields}: the record
 * comes whole, with {@code error} where the release has it (9.9 and later), while naming a field
 * the release lacks is refused (400, code 262197) and would leave every job on 9.6–9.8 unfollowed.
 *
 * @param <T> the type of the final result
 */
public final class JobPolling<T> implements PollStrategy<T> {
  private final String uuid;
  private final ApiRequest poll;
  private final Function<ApiResponse, T> decoder;

  private JobPolling(String uuid, ApiRequest poll, Function<ApiResponse, T> decoder) {
    this.uuid = uuid;
    this.poll = poll;
    this.decoder = decoder;
  }

  /**
   * Returns the job ONTAP accepted with {@code accepted}, whose body is {@code {"job":{"uuid":…}}}.
   *
   * @param pipeline the pipeline that sends the job requests
   * @param base the cluster's root URL, e.g. {@code https://cluster.example.com}
   * @param accepted the cluster's 202 answer
   * @param decoder reads the result from the successful job response
   * @throws OutcomeUnknownException if the body is unreadable or names no job: the change was
   *     accepted, so it may run, and cannot be followed
   */
  public static <T> Operation<T> begin(
      HttpPipeline pipeline, HttpUrl base, ApiResponse accepted, Function<ApiResponse, T> decoder) {
    String uuid;
    try {
      uuid = Codecs.jsonTree(accepted.body()).path("job").path("uuid").asString("");
    } catch (MalformedBodyException e) {
      String message =
          "cluster answered HTTP "
              + accepted.statusCode()
              + " with an unreadable job; the job cannot be followed";
      throw new OutcomeUnknownException(message, accepted.attempts(), e);
    }
    if (uuid.isBlank()) {
      String message =
          "cluster answered HTTP "
              + accepted.statusCode()
              + " without a job uuid; the job cannot be followed";
      throw new OutcomeUnknownException(message, accepted.attempts(), new RekeyException(message));
    }
    return follow(pipeline, base, uuid, accepted, decoder);
  }

  /**
   * Returns the job {@code uuid}, to be followed from {@code base}.
   *
   * @param pipeline the pipeline that sends the job requests
   * @param base the cluster's root URL, e.g. {@code https://cluster.example.com}
   * @param uuid the job's uuid
   * @param decoder reads the result from the successful job response
   */
  public static <T> Operation<T> begin(
      HttpPipeline pipeline, HttpUrl base, String uuid, Function<ApiResponse, T> decoder) {
    return follow(pipeline, base, uuid, null, decoder);
  }

  private static <T> Operation<T> follow(
      HttpPipeline pipeline,
      HttpUrl base,
      String uuid,
      @Nullable ApiResponse accepted,
      Function<ApiResponse, T> decoder) {
    Objects.requireNonNull(uuid, "uuid == null");
    HttpUrl url =
        base.newBuilder().addPathSegments("api/cluster/jobs").addPathSegment(uuid).build();
    // A job record holds state, message and code, never the changed credential: BODY may log it.
    ApiRequest poll = ApiRequest.get(url).carriesNoSecrets().build();
    JobPolling<T> strategy =
        new JobPolling<>(uuid, poll, Objects.requireNonNull(decoder, "decoder == null"));
    return Poller.start(pipeline, uuid, "queued", poll, accepted, strategy);
  }

  @Override
  public PollStep<T> evaluate(ApiResponse response) {
    JsonNode job = Codecs.jsonTree(response.body());
    String state = job.path("state").asString("");
    if (state.isEmpty()) {
      state = "unknown";
    }
    if (state.equals("success")) {
      return Results.finish(uuid, state, response, decoder);
    }
    if (state.equals("failure")) {
      JsonNode error = job.path("error");
      String code =
          job.path("code").isNumber()
              ? job.path("code").asString()
              : error.nonBlankStringField("code");
      String message = job.nonBlankStringField("message");
      if (message == null) {
        message = error.nonBlankStringField("message");
      }
      return new PollStep.Failed<>(state, new OperationFailedException(uuid, state, code, message));
    }
    return new PollStep.Running<>(state, poll);
  }

  /** Reports a job that is gone (404) as deleted after finishing, keeping the cluster's error. */
  @Override
  public RuntimeException translate(RuntimeException error) {
    if (error instanceof ServiceException s && s.isNotFound()) {
      ServiceError e = s.error();
      ServiceException gone =
          new ServiceException(
              new ServiceError(
                  404,
                  e.code(),
                  "job "
                      + uuid
                      + " not found: ONTAP deletes finished jobs after about 300 s, so it may have"
                      + " finished unobserved; check the object it changed",
                  e.target(),
                  e.details(),
                  e.requestId()));
      gone.initCause(s);
      return gone;
    }
    return error;
  }
}
