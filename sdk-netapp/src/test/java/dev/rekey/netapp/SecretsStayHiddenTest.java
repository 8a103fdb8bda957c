package dev.rekey.netapp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.test.Canary;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.LogCapture;
import dev.rekey.netapp.model.BucketCredentials;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@WireMockTest
class SecretsStayHiddenTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private final Canary accessKey = Canary.named("anf-access");
  private final Canary secretKey = Canary.named("anf-secret");

  private NetAppClient client(WireMockRuntimeInfo wm) {
    return NetAppClient.builder()
        .credential(new TestCredentials())
        .options(
            ClientOptions.builder()
                .endpoint(URI.create(wm.getHttpBaseUrl()))
                .timeSource(new FakeTime())
                .logLevel(HttpLogLevel.BODY)
                .build())
        .build();
  }

  /** A pair as the service answers it, or (unreadable) with the secret key in an array. */
  private String answer(boolean readable) {
    return "{\"accessKey\":\""
        + accessKey.value()
        + (readable ? "\",\"secretKey\":\"" : "\",\"secretKey\":[\"")
        + secretKey.value()
        + (readable ? "\"" : "\"]")
        + ",\"keyPairExpiry\":\"2027-08-15T13:23:33Z\"}";
  }

  private void assertNoKeyLeaked() {
    for (Canary c : new Canary[] {accessKey, secretKey}) {
      c.assertAbsentFrom("log", logs.text());
    }
    assertThat(logs.text()).contains("generateCredentials");
  }

  @Test
  void keysAreAbsentFromLogsAtBodyLevelAndFromToString(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlPathMatching(".+/generateCredentials")).willReturn(okJson(answer(true))));
    try (NetAppClient client = client(wm)) {
      BucketCredentials sync =
          client.generateBucketCredentials(
              r -> r.bucketId(NetAppClientWireTest.ID).keyPairExpiryDays(3));
      BucketCredentials async =
          client
              .generateBucketCredentialsAsync(
                  r -> r.bucketId(NetAppClientWireTest.ID).keyPairExpiryDays(3))
              .get();
      assertThat(sync.secretKey().reveal()).isEqualTo(secretKey.value());
      for (Canary c : new Canary[] {accessKey, secretKey}) {
        c.assertAbsentFrom("toString", sync.toString());
        c.assertAbsentFrom("toString", async.toString());
      }
    }
    assertNoKeyLeaked();
  }

  @Test
  void keysAreAbsentFromLogsWhenTheResultArrivesThroughPolling(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathMatching(".+/generateCredentials"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "/ops/1")
                    .withHeader("Retry-After", "0")));
    stubFor(get(urlPathEqualTo("/ops/1")).willReturn(okJson(answer(true))));
    try (NetAppClient client = client(wm)) {
      assertThat(
              client
                  .generateBucketCredentials(
                      r -> r.bucketId(NetAppClientWireTest.ID).keyPairExpiryDays(3))
                  .accessKey()
                  .reveal())
          .isEqualTo(accessKey.value());
    }
    assertNoKeyLeaked();
  }

  @Test
  void keysAreAbsentFromTheExceptionWhenTheAnswerCannotBeRead(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathMatching(".+/generateCredentials")).willReturn(okJson(answer(false))));
    try (NetAppClient client = client(wm)) {
      Throwable error =
          catchThrowable(
              () ->
                  client.generateBucketCredentials(
                      r -> r.bucketId(NetAppClientWireTest.ID).keyPairExpiryDays(3)));
      assertThat(error).hasMessageContaining("no secretKey");
      accessKey.assertAbsentFromThrowable(error);
      secretKey.assertAbsentFromThrowable(error);
    }
    assertNoKeyLeaked();
  }
}
