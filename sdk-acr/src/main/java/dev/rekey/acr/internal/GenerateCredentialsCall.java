package dev.rekey.acr.internal;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.azure.internal.ArmOperations;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.http.UrlCache;
import dev.rekey.core.poll.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * The one code path of ACR {@code generateCredentials}: the client-side check that needs the client
 * (its subscription), the URL and JSON body, and the 200-or-202 handling. The POST is {@link
 * ApiRequest.Repeatability#NOT_REPEATABLE}: it rotates a password.
 */
public final class GenerateCredentialsCall {
  private static final String OPERATION = "ACR generateCredentials";

  private final HttpPipeline pipeline;
  private final HttpUrl endpoint;
  private final String subscriptionId;
  private final String apiVersion;
  private final UrlCache urls = new UrlCache();

  /** Creates the call for a client of {@code subscriptionId} talking to {@code endpoint}. */
  public GenerateCredentialsCall(
      HttpPipeline pipeline, HttpUrl endpoint, String subscriptionId, String apiVersion) {
    this.pipeline = pipeline;
    this.endpoint = endpoint;
    this.subscriptionId = subscriptionId;
    this.apiVersion = apiVersion;
  }

  /** Sends the request and returns its operation (completed for 200, polling for 202). */
  public Operation<GeneratedCredentials> begin(GenerateCredentialsRequest request) {
    if (request.confirmOutcome()) {
      return AcrLostAnswers.begin(this, request);
    }
    return ArmOperations.begin(pipeline, toApiRequest(request), PromisedPasswords.reader(request));
  }

  /** Sends the request without blocking and completes with the final result. */
  public CompletableFuture<GeneratedCredentials> runAsync(GenerateCredentialsRequest request) {
    if (request.confirmOutcome()) {
      return AcrLostAnswers.run(this, request);
    }
    return ArmOperations.runAsync(
        pipeline, toApiRequest(request), PromisedPasswords.reader(request));
  }

  /**
   * Returns the resource id of the token {@code request} names, checked against the client's
   * subscription.
   */
  String tokenId(GenerateCredentialsRequest request) {
    if (request.tokenId().isPresent()) {
      TokenIds.checkOfSubscription(request.tokenId().get(), subscriptionId);
      return request.tokenId().get();
    }
    // Built from the client's own subscription and names the request already checked: nothing to
    // re-check.
    return TokenIds.of(
        subscriptionId, request.resourceGroup(), request.registry(), request.token().orElseThrow());
  }

  /** Returns the {@code GET} of the token resource {@code tokenId} (Tokens - Get), a read. */
  ApiRequest tokenGet(String tokenId) {
    HttpUrl url =
        endpoint
            .newBuilder()
            .addPathSegments(tokenId.substring(1))
            .addQueryParameter("api-version", apiVersion)
            .build();
    return ApiRequest.get(url).operationName("ACR token get").build();
  }

  HttpPipeline pipeline() {
    return pipeline;
  }

  ApiRequest toApiRequest(GenerateCredentialsRequest request) {
    String tokenId = tokenId(request);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("tokenId", tokenId);
    request.expiry().ifPresent(e -> body.put("expiry", e.toString()));
    request.passwordName().ifPresent(n -> body.put("name", n.wireName()));

    // Names are checked: a resource group has no '/', a registry only letters and digits.
    HttpUrl url = urls.get(request.resourceGroup() + '/' + request.registry(), k -> url(request));
    return ApiRequest.post(url, Codecs.writeJson(body), "application/json")
        .repeatability(ApiRequest.Repeatability.NOT_REPEATABLE)
        .operationName(OPERATION)
        .build();
  }

  private HttpUrl url(GenerateCredentialsRequest request) {
    return endpoint
        .newBuilder()
        .addPathSegment("subscriptions")
        .addPathSegment(subscriptionId)
        .addPathSegment("resourceGroups")
        .addPathSegment(request.resourceGroup())
        .addPathSegments("providers/Microsoft.ContainerRegistry/registries")
        .addPathSegment(request.registry())
        .addPathSegment("generateCredentials")
        .addQueryParameter("api-version", apiVersion)
        .build();
  }

  @Override
  public String toString() {
    return "subscription " + subscriptionId + " at " + endpoint + ", api-version " + apiVersion;
  }
}
