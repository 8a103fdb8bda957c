package dev.rekey.netapp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.rekey.core.test.WireMockSequences.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.azure.AzureCloud;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.FakeTime;
import dev.rekey.netapp.model.BucketCredentials;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@WireMockTest
class NetAppClientWireTest {
  static final String SUB = "00000000-0000-0000-0000-000000000000";
  static final String PATH =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/myRG/providers/Microsoft.NetApp/netAppAccounts/account1"
          + "/capacityPools/pool1/volumes/volume1/buckets/bucket1/generateCredentials";
  static final String ID = PATH.substring(0, PATH.length() - "/generateCredentials".length());
  static final String SAMPLE =
      "{\"accessKey\":\"AK-1\",\"keyPairExpiry\":\"2027-08-15T13:23:33Z\",\"secretKey\":\"SK-1\"}";

  private final TestCredentials credential = new TestCredentials();

  private NetAppClient client(WireMockRuntimeInfo wm) {
    return NetAppClient.builder()
        .credential(credential)
        .options(
            ClientOptions.builder()
                .endpoint(URI.create(wm.getHttpBaseUrl()))
                .timeSource(new FakeTime())
                .build())
        .build();
  }

  private static BucketCredentials generate(NetAppClient client, int days) {
    return client.generateBucketCredentials(r -> r.bucketId(ID).keyPairExpiryDays(days));
  }

  @Test
  void sendsTheDocumentedRequestLineHeadersAndBodyAndReadsTheSampleAnswer(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(SAMPLE)));
    try (NetAppClient client = client(wm)) {
      BucketCredentials creds = generate(client, 3);
      assertThat(creds.accessKey().reveal()).isEqualTo("AK-1");
      assertThat(creds.secretKey().reveal()).isEqualTo("SK-1");
      assertThat(creds.keyPairExpiry()).isEqualTo(Instant.parse("2027-08-15T13:23:33Z"));
      assertThat(creds.expiryEstimated()).isFalse();
    }
    verify(
        exactly(1),
        postRequestedFor(urlEqualTo(PATH + "?api-version=2026-01-01"))
            .withHeader("Authorization", equalTo("Bearer " + TestCredentials.TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("x-ms-client-request-id", matching("[0-9a-f-]{36}"))
            .withHeader("User-Agent", containing("sdk-netapp"))
            .withRequestBody(equalTo("{\"keyPairExpiryDays\":3}")));
    assertThat(credential.scopes).containsOnly(List.of("https://management.azure.com/.default"));
  }

  @Test
  void eachBucketOfOneClientIsSentToItsOwnUrlCallAfterCall(WireMockRuntimeInfo wm) {
    String other = PATH.replace("/buckets/bucket1/", "/buckets/bucket2/");
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(SAMPLE)));
    stubFor(post(urlPathEqualTo(other)).willReturn(okJson(SAMPLE)));
    try (NetAppClient client = client(wm)) {
      generate(client, 1);
      client.generateBucketCredentials(
          r -> r.bucketId(ID.replace("bucket1", "bucket2")).keyPairExpiryDays(1));
      generate(client, 1);
    }
    verify(exactly(2), postRequestedFor(urlEqualTo(PATH + "?api-version=2026-01-01")));
    verify(exactly(1), postRequestedFor(urlEqualTo(other + "?api-version=2026-01-01")));
  }

  @Test
  void sendsTheApiVersionItIsGivenAndAsksTokensForTheCustomCloud(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(SAMPLE)));
    AzureCloud stack = AzureCloud.custom(URI.create(wm.getHttpBaseUrl()));
    try (NetAppClient client =
        NetAppClient.builder()
            .credential(credential)
            .cloud(stack)
            .apiVersion("2025-09-01")
            .options(ClientOptions.builder().timeSource(new FakeTime()).build())
            .build()) {
      generate(client, 1);
      assertThat(client.apiVersion()).isEqualTo("2025-09-01");
    }
    verify(postRequestedFor(urlEqualTo(PATH + "?api-version=2025-09-01")));
    assertThat(credential.scopes).containsOnly(List.of(wm.getHttpBaseUrl() + "/.default"));
  }

  @Test
  void readsExpiriesWithOffsetsFractionsOrNoZoneAsUtcInstants(WireMockRuntimeInfo wm) {
    respondInOrder(
        "POST",
        PATH,
        okJson(
            "{\"accessKey\":\"a\",\"secretKey\":\"s\",\"keyPairExpiry\":\"2027-08-15T15:23:33.5+02:00\"}"),
        okJson(
            "{\"accessKey\":\"a\",\"secretKey\":\"s\",\"keyPairExpiry\":\"2027-08-15T13:23:33\"}"));
    try (NetAppClient client = client(wm)) {
      assertThat(generate(client, 1).keyPairExpiry())
          .isEqualTo(Instant.parse("2027-08-15T13:23:33.5Z"));
      assertThat(generate(client, 1).keyPairExpiry())
          .isEqualTo(Instant.parse("2027-08-15T13:23:33Z"));
    }
  }

  @Test
  void aPairAnsweredWithoutAReadableExpiryIsKeptAndExpiresAsRequested(WireMockRuntimeInfo wm) {
    respondInOrder(
        "POST",
        PATH,
        okJson("{\"accessKey\":\"AK-1\",\"secretKey\":\"SK-1\"}"),
        okJson("{\"accessKey\":\"AK-2\",\"secretKey\":\"SK-2\",\"keyPairExpiry\":\"next year\"}"));
    FakeTime time = new FakeTime(Instant.parse("2026-03-01T10:00:00Z"));
    try (NetAppClient client =
        NetAppClient.builder()
            .credential(credential)
            .options(
                ClientOptions.builder()
                    .endpoint(URI.create(wm.getHttpBaseUrl()))
                    .timeSource(time)
                    .build())
            .build()) {
      BucketCredentials first = generate(client, 30);
      assertThat(first.secretKey().reveal()).isEqualTo("SK-1");
      assertThat(first.keyPairExpiry()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
      assertThat(first.expiryEstimated()).isTrue();
      BucketCredentials second = generate(client, 2);
      assertThat(second.accessKey().reveal()).isEqualTo("AK-2");
      assertThat(second.keyPairExpiry()).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
      assertThat(second.expiryEstimated()).isTrue();
    }
    verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void answerWithoutASecretKeySaysAPairWasGeneratedWithoutQuotingTheBody(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson(
                    "{\"accessKey\":\"AK-visible\",\"keyPairExpiry\":\"2027-08-15T13:23:33Z\"}")));
    try (NetAppClient client = client(wm)) {
      assertThatThrownBy(() -> generate(client, 1))
          .isInstanceOf(RekeyException.class)
          .hasMessageContaining("no secretKey")
          .hasMessageContaining("key pair was generated")
          .hasMessageNotContaining("AK-visible");
    }
  }

  @Test
  void armErrorBodyBecomesNetAppServiceExceptionWithEveryPart(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-ms-request-id", "req-400")
                    .withBody(
                        "{\"error\":{\"code\":\"InvalidParameter\",\"message\":\"keyPairExpiryDays is too large\","
                            + "\"target\":\"keyPairExpiryDays\",\"details\":[{\"code\":\"RangeError\",\"message\":\"max 365\","
                            + "\"target\":\"body\"}],\"additionalInfo\":[{\"type\":\"PolicyViolation\",\"info\":{\"policy\":\"p\"}}]}}")));
    try (NetAppClient client = client(wm)) {
      assertThatThrownBy(() -> generate(client, 9999))
          .isInstanceOfSatisfying(
              NetAppServiceException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.errorCode()).contains("InvalidParameter");
                assertThat(e.isInvalidParameter()).isTrue();
                assertThat(e.serviceMessage()).contains("keyPairExpiryDays is too large");
                assertThat(e.target()).contains("keyPairExpiryDays");
                assertThat(e.details())
                    .containsExactly(new ServiceError.Detail("RangeError", "max 365", "body"));
                assertThat(e.requestId()).contains("req-400");
                assertThat(e.error().additionalInfo())
                    .containsExactly(
                        new ServiceError.AdditionalInfo("PolicyViolation", "{\"policy\":\"p\"}"));
                assertThat(e.getMessage())
                    .contains("HTTP 400 InvalidParameter")
                    .doesNotContain("additionalInfo");
              });
    }
  }

  @Test
  void missingBucketIsResourceNotFound(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("x-ms-request-id", "r404")
                    .withBody(
                        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource was not found.\"}}")));
    try (NetAppClient client = client(wm)) {
      assertThatThrownBy(() -> generate(client, 1))
          .isInstanceOfSatisfying(
              NetAppServiceException.class,
              e -> {
                assertThat(e.isResourceNotFound()).isTrue();
                assertThat(e.requestId()).contains("r404");
              });
    }
  }

  @Test
  void invalidRequestIsRefusedBeforeAnyRequestIsSent(WireMockRuntimeInfo wm) {
    try (NetAppClient client = client(wm)) {
      assertThatThrownBy(
              () ->
                  client.generateBucketCredentials(
                      r -> r.bucketId(ID.replace("bucket1", "my..bucket")).keyPairExpiryDays(1)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("bucket"));
      assertThatThrownBy(
              () -> client.generateBucketCredentialsAsync(r -> r.bucketId(ID).keyPairExpiryDays(0)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("keyPairExpiryDays"));
      assertThatThrownBy(
              () ->
                  client.beginGenerateBucketCredentials(
                      r -> r.bucketId(ID.replace("pool1", "_pool")).keyPairExpiryDays(1)))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("pool"));
    }
    verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void retriesA503WithRetryAfterOnceAndNeverA503WithoutOne(WireMockRuntimeInfo wm) {
    respondInOrder(
        "POST", PATH, aResponse().withStatus(503).withHeader("Retry-After", "0"), okJson(SAMPLE));
    try (NetAppClient client = client(wm)) {
      assertThat(generate(client, 1).accessKey().reveal()).isEqualTo("AK-1");
      verify(exactly(2), postRequestedFor(urlPathEqualTo(PATH)));
      resetAllRequests();
      removeAllMappings();
      stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
      assertThatThrownBy(() -> generate(client, 1)).isInstanceOf(OutcomeUnknownException.class);
      verify(exactly(1), postRequestedFor(urlPathEqualTo(PATH)));
    }
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {" ", " 2026-01-01", "latest"})
  void missingCredentialOrABadApiVersionIsRefusedWhenBuilding(String apiVersion) {
    assertThatThrownBy(() -> NetAppClient.builder().build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("credential"));
    assertThatThrownBy(
            () ->
                NetAppClient.builder()
                    .credential(new TestCredentials())
                    .apiVersion(apiVersion)
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("apiVersion"));
  }
}
