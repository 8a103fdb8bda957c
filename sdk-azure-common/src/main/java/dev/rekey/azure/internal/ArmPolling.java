package dev.rekey.azure.internal;

import dev.rekey.core.OperationFailedException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ServiceException;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.ErrorText;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.http.Origins;
import dev.rekey.core.internal.http.Redaction;
import dev.rekey.core.internal.poll.PollStep;
import dev.rekey.core.internal.poll.PollStrategy;
import dev.rekey.core.internal.poll.Poller;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.internal.poll.Results;
import dev.rekey.core.internal.poll.Unfollowable;
import dev.rekey.core.poll.Operation;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Azure Resource Manager's async protocol: poll {@code Azure-AsyncOperation} until a terminal
 * status, then read the result from {@code Location} or the status body's {@code properties}; or,
 * with only {@code Location}, poll it until it stops answering 202.
 *
 * @param <T> the type of the final result
 */
public final class ArmPolling<T> implements PollStrategy<T> {
  private final String id;
  private final boolean statusMonitor;
  private final @Nullable HttpUrl location;
  private final ResultReader<T> reader;

  /** Set once the status said Succeeded: from then on only {@code Location} is polled. */
  private volatile boolean atLocation;

  private ArmPolling(
      String id, boolean statusMonitor, @Nullable HttpUrl location, ResultReader<T> reader) {
    this.id = id;
    this.statusMonitor = statusMonitor;
    this.location = location;
    this.reader = reader;
  }

  /**
   * Returns the operation ARM accepted with {@code accepted} (a 201 or 202); relative URLs resolve
   * against the URL that answered, and only a URL of that origin (scheme, host and port) is polled:
   * ARM names its own host, and every poll carries the caller's token. {@code reader} reads the
   * final result: the {@code Location} answer when the service gave one (ARM's {@code
   * final-state-via: location}, which ACR declares for generateCredentials), else the status body's
   * optional {@code properties} object.
   *
   * @throws dev.rekey.core.OutcomeUnknownException if a rotation was accepted without a usable
   *     {@code Azure-AsyncOperation} or {@code Location} header (one on another origin is not
   *     usable): it may run, and cannot be followed
   * @throws RekeyException the same for a read
   */
  public static <T> Operation<T> begin(
      HttpPipeline pipeline, ApiResponse accepted, ResultReader<T> reader) {
    Objects.requireNonNull(reader, "reader == null");
    HttpUrl asyncOperation;
    HttpUrl location;
    try {
      asyncOperation =
          resolve(accepted.url(), accepted.header("Azure-AsyncOperation").orElse(null));
      location = resolve(accepted.url(), accepted.header("Location").orElse(null));
    } catch (RekeyException e) {
      throw Unfollowable.of(accepted, reader, "with " + e.getMessage());
    }
    HttpUrl first = asyncOperation != null ? asyncOperation : location;
    if (first == null) {
      throw Unfollowable.of(accepted, reader, "without an Azure-AsyncOperation or Location header");
    }
    String id = Redaction.url(first);
    ArmPolling<T> strategy = new ArmPolling<>(id, asyncOperation != null, location, reader);
    return Poller.start(
        pipeline, id, "Accepted", ApiRequest.get(first).build(), accepted, strategy);
  }

  @Override
  public PollStep<T> evaluate(ApiResponse response) {
    return statusMonitor && !atLocation ? fromStatusBody(response) : fromLocation(response);
  }

  private PollStep<T> fromStatusBody(ApiResponse response) {
    return fromStatus(Codecs.jsonTree(response.body()), response, location);
  }

  /**
   * Reads an operation status body: a terminal status ends the operation (its result fetched from
   * {@code resultAt}, else read from the body's {@code properties}), any other keeps polling.
   */
  private PollStep<T> fromStatus(JsonNode body, ApiResponse response, @Nullable HttpUrl resultAt) {
    String status = body.path("status").asString("");
    if (status.isEmpty()) {
      status = "Unknown";
    }
    switch (status.toLowerCase(Locale.ROOT)) {
      case "succeeded":
        if (resultAt != null) {
          atLocation = true; // a Location that still answers 202 is polled until it has the result
          return new PollStep.Fetch<>(status, ApiRequest.get(resultAt).build(), reader, true);
        }
        JsonNode properties = body.path("properties");
        if (properties.isObject()) {
          ApiResponse inner =
              new ApiResponse(
                  response.statusCode(),
                  response.headers(),
                  Codecs.writeJson(properties),
                  "application/json",
                  response.url());
          return Results.finish(id, status, inner, reader);
        }
        return new PollStep.Failed<>(
            status,
            reader.unreadable(
                id, "the operation succeeded, but no answer carried its result", null));
      case "failed":
      case "canceled":
      case "cancelled":
        JsonNode error = body.path("error");
        return new PollStep.Failed<>(
            status,
            new OperationFailedException(
                id, status, ErrorText.field(error, "code"), ErrorText.field(error, "message")));
      default:
        return new PollStep.Running<>(status, ApiRequest.get(response.url()).build());
    }
  }

  /**
   * With only {@code Location}, ARM reports a failed operation by answering the Location URL with
   * an error status and body; that is the operation's end, not a failed poll. Only an answer that
   * can be nothing else says so ({@link #endsTheOperation}); any other failed poll leaves the
   * outcome unknown.
   */
  @Override
  public RuntimeException translate(RuntimeException error) {
    if (statusMonitor || !(error instanceof ServiceException failed) || !endsTheOperation(failed)) {
      return error;
    }
    OperationFailedException ended =
        new OperationFailedException(
            id, "Failed", failed.errorCode().orElse(null), failed.serviceMessage().orElse(null));
    ended.initCause(failed);
    return ended;
  }

  /**
   * Whether a failed {@code GET Location} is the operation's own end: a client error with an ARM
   * error code. Not one about the poll itself: 401 or 403 (the caller may rotate but not read the
   * operation), 404 (the operation was lost), 408 or 429 (the poll was not served); and not a 5xx,
   * where the operation may still run or have finished. Those leave the outcome unknown.
   */
  static boolean endsTheOperation(ServiceException failed) {
    int status = failed.statusCode();
    return status >= 400
        && status < 500
        && status != 401
        && status != 403
        && status != 404
        && status != 408
        && status != 429
        && failed.errorCode().isPresent();
  }

  /**
   * A {@code Location} answers 202 while the operation runs and then its result. ACR's points at
   * {@code .../operationStatuses/...}: an answer there that is an operation status (a string {@code
   * status}, which no result of Rekey's calls has) is read as one, so a Failed status is not taken
   * for a result that lacks its credentials.
   */
  private PollStep<T> fromLocation(ApiResponse response) {
    if (response.statusCode() == 202) {
      HttpUrl next = resolve(response.url(), response.header("Location").orElse(null));
      return new PollStep.Running<>(
          "InProgress", ApiRequest.get(next != null ? next : response.url()).build());
    }
    JsonNode status = statusBody(response);
    return status != null
        ? fromStatus(status, response, null)
        : Results.finish(id, "Succeeded", response, reader);
  }

  /** Returns {@code response}'s JSON body if it is an operation status, else null. */
  private static @Nullable JsonNode statusBody(ApiResponse response) {
    try {
      JsonNode body = Codecs.jsonTree(response.body());
      return body.stringField("status") != null ? body : null;
    } catch (RekeyException notJson) {
      return null; // the reader reports an unreadable result
    }
  }

  /**
   * Returns {@code reference} resolved against {@code base}, or null when there is none.
   *
   * @throws RekeyException if it is not an http(s) URL, or names another origin than {@code base}
   *     (the token that polls it was issued for the caller's endpoint, not for whoever is named)
   */
  private static @Nullable HttpUrl resolve(HttpUrl base, @Nullable String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    HttpUrl url = base.resolve(reference.trim());
    if (url == null) {
      throw new RekeyException("an operation URL that is not an http(s) URL");
    }
    if (!Origins.same(url, base)) {
      throw new RekeyException(
          "an operation URL on another origin ("
              + Origins.of(url)
              + "), which is not polled: the caller's token goes only to "
              + Origins.of(base));
    }
    return url;
  }
}
