package dev.rekey.netapp.internal;

import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.netapp.model.BucketCredentials;
import dev.rekey.netapp.model.BucketCredentialsRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;

/** The wire form of Buckets - Generate Credentials: the request line and body, and the 200 body. */
public final class BucketCredentialsCall {
  /** The name the call has in messages and logs. */
  public static final String OPERATION = "NetApp generateBucketCredentials";

  private BucketCredentialsCall() {}

  /**
   * Returns the URL of {@code address}'s generateCredentials on the ARM endpoint {@code arm}: the
   * same for every call on one bucket, so a client keeps it ({@link
   * dev.rekey.core.internal.http.UrlCache}).
   */
  public static HttpUrl url(HttpUrl arm, String apiVersion, BucketAddress a) {
    return arm.newBuilder()
        .addPathSegment("subscriptions")
        .addPathSegment(a.subscriptionId())
        .addPathSegment("resourceGroups")
        .addPathSegment(a.resourceGroup())
        .addPathSegments("providers/Microsoft.NetApp/netAppAccounts")
        .addPathSegment(a.account())
        .addPathSegment("capacityPools")
        .addPathSegment(a.pool())
        .addPathSegment("volumes")
        .addPathSegment(a.volume())
        .addPathSegment("buckets")
        .addPathSegment(a.bucket())
        .addPathSegment("generateCredentials")
        .setQueryParameter("api-version", apiVersion)
        .build();
  }

  /** Returns the POST for {@code request} to {@code url}, its bucket's {@link #url}. */
  public static ApiRequest request(HttpUrl url, BucketCredentialsRequest request) {
    byte[] body =
        ("{\"keyPairExpiryDays\":" + request.keyPairExpiryDays() + "}")
            .getBytes(StandardCharsets.UTF_8);
    return ApiRequest.post(url, body, "application/json")
        .repeatability(ApiRequest.Repeatability.NOT_REPEATABLE)
        .operationName(OPERATION)
        .build();
  }

  /**
   * Returns how the final answer for {@code request}, sent at {@code sentAt}, is read: a key pair
   * with both keys, or a {@link dev.rekey.core.CredentialNotReturnedException} that says a pair was
   * generated.
   */
  public static ResultReader<BucketCredentials> reader(
      BucketCredentialsRequest request, Instant sentAt) {
    Instant requestedExpiry = sentAt.plus(Duration.ofDays(request.keyPairExpiryDays()));
    return ResultReader.ofRotation(
        response -> decode(response, requestedExpiry),
        () ->
            "a new key pair was generated for bucket "
                + request.address().bucket()
                + " and the previous pair no longer works; generate another and use the pair that call returns");
  }

  /**
   * Reads the 200 body {@code {accessKey, secretKey, keyPairExpiry}}. The reference marks every
   * field optional: without both keys there is no pair to return, but a missing or unreadable
   * {@code keyPairExpiry} only makes the pair expire at {@code requestedExpiry}.
   *
   * @throws RekeyException when a key is missing; the message names the field, never the body
   */
  public static BucketCredentials decode(ApiResponse response, Instant requestedExpiry) {
    JsonNode body = Codecs.jsonTree(response.body());
    String expiry = body.stringField("keyPairExpiry");
    Optional<Instant> answered = expiry == null ? Optional.empty() : Codecs.isoInstant(expiry);
    return BucketCredentials.builder()
        .accessKey(Secret.of(text(body, "accessKey")))
        .secretKey(Secret.of(text(body, "secretKey")))
        .keyPairExpiry(answered.orElse(requestedExpiry))
        .expiryEstimated(answered.isEmpty())
        .build();
  }

  private static String text(JsonNode body, String field) {
    String value = body.stringField(field);
    if (value == null || value.isBlank()) {
      throw new RekeyException("it has no " + field);
    }
    return value;
  }
}
