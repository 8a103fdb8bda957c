package dev.rekey.azure.storage.internal;

import dev.rekey.azure.storage.StorageServiceException;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.ServiceError;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.http.Origins;
import dev.rekey.core.internal.http.UrlCache;
import dev.rekey.core.internal.poll.Finished;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.internal.poll.Unfollowable;
import dev.rekey.core.poll.Operation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * The classic storage key calls on one pipeline (built with OkHttp's own redirects off): builds the
 * requests, follows one {@code 307 TemporaryRedirect}, and turns a 200 or 202 answer into an
 * operation whose result is always the keys after the change.
 */
public final class ClassicCalls {
  private final HttpPipeline pipeline;
  private final HttpUrl base;
  private final UrlCache urls = new UrlCache(); // the regenerate URL of each storage service
  private final String subscriptionId;
  private final String msVersion;

  /** Creates the calls for {@code subscriptionId} at {@code base} speaking {@code msVersion}. */
  public ClassicCalls(
      HttpPipeline pipeline, HttpUrl base, String subscriptionId, String msVersion) {
    this.pipeline = pipeline;
    this.base = base;
    this.subscriptionId = subscriptionId;
    this.msVersion = msVersion;
  }

  /** Returns the {@code POST .../keys?action=regenerate} rotation request. */
  public ApiRequest regenerate(String serviceName, KeyType keyType) {
    HttpUrl url =
        urls.get(
            serviceName,
            k ->
                keysUrl(serviceName)
                    .newBuilder()
                    .addQueryParameter("action", "regenerate")
                    .build());
    return ApiRequest.post(url, ClassicWire.regenerateKeysBody(keyType), "application/xml")
        .header("x-ms-version", msVersion)
        .operationName(
            keyType == KeyType.PRIMARY
                ? "Storage (classic) regenerateKeys Primary"
                : "Storage (classic) regenerateKeys Secondary")
        .build();
  }

  /** Returns the {@code GET .../keys} request, safe to repeat. */
  public ApiRequest getKeys(String serviceName) {
    return ApiRequest.get(keysUrl(serviceName))
        .header("x-ms-version", msVersion)
        .operationName("Storage (classic) getKeys")
        .build();
  }

  /**
   * Returns how a regeneration's answer is read: both keys, or a credential-not-returned failure.
   */
  public static ResultReader<StorageServiceKeys> regenerated(String serviceName, KeyType keyType) {
    return ResultReader.ofRegeneration(
        ClassicWire::storageServiceKeys,
        () -> keyType.wireName() + " key of storage service " + serviceName,
        1,
        "read the keys (getKeys) to obtain the new value");
  }

  /**
   * Returns how a {@code getKeys} answer is read: a read, so an unreadable answer changed nothing.
   */
  public static ResultReader<StorageServiceKeys> read() {
    return ResultReader.ofRead(ClassicWire::storageServiceKeys);
  }

  /** Sends {@code request} and returns its operation: completed on 200, polling on 202. */
  public Operation<StorageServiceKeys> begin(
      ApiRequest request, String serviceName, ResultReader<StorageServiceKeys> reader) {
    ApiResponse response = pipeline.send(request);
    if (response.statusCode() == 307) {
      response = pipeline.send(redirected(request, response));
    }
    return operation(response, serviceName, reader);
  }

  /** Sends {@code request} without blocking and completes with the keys, polling if needed. */
  public CompletableFuture<StorageServiceKeys> run(
      ApiRequest request, String serviceName, ResultReader<StorageServiceKeys> reader) {
    CompletableFuture<ApiResponse> answered =
        Futures.thenCompose(
            pipeline.sendAsync(request),
            r ->
                r.statusCode() == 307
                    ? pipeline.sendAsync(redirected(request, r))
                    : CompletableFuture.completedFuture(r));
    return Futures.thenCompose(answered, r -> operation(r, serviceName, reader).toFuture());
  }

  private Operation<StorageServiceKeys> operation(
      ApiResponse response, String serviceName, ResultReader<StorageServiceKeys> reader) {
    int status = response.statusCode();
    if (status == 200) {
      return Finished.read(response, reader);
    }
    if (status == 202) {
      return AsmPolling.begin(
          pipeline, base, subscriptionId, response, msVersion, getKeys(serviceName), reader);
    }
    if (status == 303 && reader.isRotation()) {
      // See Other answers a request the server processed, pointing at its result elsewhere
      throw Unfollowable.of(response, reader, "See Other from " + response.url().encodedPath());
    }
    if (status >= 300 && status < 400) {
      throw redirectRefused(
          response,
          "redirected (HTTP "
              + status
              + "); Rekey follows one same-origin 307"
              + " TemporaryRedirect, so the request was not sent on");
    }
    throw Unfollowable.of(response, reader, "from " + response.url().encodedPath());
  }

  /**
   * Returns {@code request} sent to the answer's {@code Location}, refusing any other origin (a
   * downgrade to http included): the call carries a token or the management certificate.
   */
  private static ApiRequest redirected(ApiRequest request, ApiResponse answer) {
    String location = answer.header("Location").orElse(null);
    HttpUrl target = location == null ? null : answer.url().resolve(location);
    if (target == null) {
      throw redirectRefused(answer, "TemporaryRedirect without a usable Location");
    }
    if (answer.url().isHttps() && !target.isHttps()) {
      throw redirectRefused(answer, "TemporaryRedirect from https to http refused");
    }
    if (!Origins.same(target, answer.url())) {
      // The call carries a token or the management certificate: neither goes to another origin.
      throw redirectRefused(
          answer, "TemporaryRedirect to another origin refused; the request was not sent on");
    }
    return request.toBuilder().url(target).build();
  }

  private static StorageServiceException redirectRefused(ApiResponse answer, String message) {
    return new StorageServiceException(
        new ServiceError(
            answer.statusCode(),
            answer.statusCode() == 307 ? "TemporaryRedirect" : null,
            message,
            null,
            List.of(),
            answer.requestId()));
  }

  private HttpUrl keysUrl(String serviceName) {
    return base.newBuilder()
        .addPathSegment(subscriptionId)
        .addPathSegments("services/storageservices")
        .addPathSegment(serviceName)
        .addPathSegment("keys")
        .build();
  }
}
