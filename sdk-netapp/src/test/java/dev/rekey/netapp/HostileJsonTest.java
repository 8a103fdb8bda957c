package dev.rekey.netapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.HostileJson;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parser-exhausting JSON on every NetApp JSON path (result, ARM error, ARM operation status) is
 * refused.
 */
@WireMockTest
class HostileJsonTest {

  private static NetAppClient client(WireMockRuntimeInfo wm) {
    return NetAppClient.builder()
        .credential(new TestCredentials())
        .options(
            ClientOptions.builder()
                .endpoint(URI.create(wm.getHttpBaseUrl()))
                .timeSource(new FakeTime())
                .pollingPolicy(
                    PollingPolicy.builder().initialInterval(Duration.ofMillis(1)).build())
                .build())
        .build();
  }

  private static void refused(WireMockRuntimeInfo wm) {
    try (NetAppClient netapp = client(wm)) {
      HostileJson.assertRefused(
          () ->
              netapp.generateBucketCredentials(
                  r -> r.bucketId(NetAppClientWireTest.ID).keyPairExpiryDays(3)));
    }
  }

  private static void answer(int status, String body) {
    stubFor(
        post(urlPathEqualTo(NetAppClientWireTest.PATH))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void resultBody(HostileJson json, WireMockRuntimeInfo wm) {
    answer(200, json.body());
    refused(wm);
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void armErrorBody(HostileJson json, WireMockRuntimeInfo wm) {
    answer(400, json.body());
    refused(wm);
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void armOperationStatusBody(HostileJson json, WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(NetAppClientWireTest.PATH))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Azure-AsyncOperation", wm.getHttpBaseUrl() + "/operations/op-1")
                    .withHeader("Retry-After", "0")));
    stubFor(
        get(urlPathEqualTo("/operations/op-1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json.body())));
    refused(wm);
    assertThat(
            com.github.tomakehurst.wiremock.client.WireMock.findAll(
                getRequestedFor(urlPathEqualTo("/operations/op-1"))))
        .as("status polled")
        .isNotEmpty();
  }
}
