package dev.rekey.netapp;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.test.FakeTime;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NetApp generateBucketCredentials returns only with both halves of the key pair (the page's 200
 * {@code {accessKey, secretKey, keyPairExpiry}}), says a pair was generated when it cannot, and
 * follows ARM's rules when the call is accepted: a 200 is final even with status headers, a lost
 * Location is an unknown outcome.
 */
@WireMockTest
class KeyPairReturnedOrReportedTest {
  private static final String PATH = NetAppClientWireTest.PATH;

  private static NetAppClient client(WireMockRuntimeInfo wm) {
    return NetAppClient.builder()
        .credential(new TestCredentials())
        .options(
            ClientOptions.builder()
                .endpoint(URI.create(wm.getHttpBaseUrl()))
                .timeSource(new FakeTime())
                .build())
        .build();
  }

  private static void generate(NetAppClient client) {
    client.generateBucketCredentials(r -> r.bucketId(NetAppClientWireTest.ID).keyPairExpiryDays(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",\"secretKey\":\"   \""}) // absent, or blank: no key either way
  void anAnswerWithoutTheSecretKeySaysAPairWasGenerated(String secretKey, WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson(
                    "{\"accessKey\":\"AK\",\"keyPairExpiry\":\"2027-08-15T13:23:33Z\""
                        + secretKey
                        + "}")));
    try (NetAppClient c = client(wm)) {
      assertThatThrownBy(() -> generate(c))
          .isInstanceOfSatisfying(
              CredentialNotReturnedException.class,
              e ->
                  assertThat(e.recovery())
                      .startsWith("a new key pair was generated for bucket bucket1"))
          .hasMessageContaining("(it has no secretKey)")
          .hasMessageNotContaining("AK");
    }
  }

  @Test
  void aFinalAnswerCarryingStatusHeadersIsNotPolled(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                okJson(NetAppClientWireTest.SAMPLE)
                    .withHeader("Azure-AsyncOperation", "/status/1")
                    .withHeader("Location", "/result/1")));
    try (NetAppClient c = client(wm)) {
      generate(c);
    }
    verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void aLocationThatAnswers404LeavesTheOutcomeUnknown(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "/result/1")
                    .withHeader("Retry-After", "0")));
    stubFor(
        get("/result/1")
            .willReturn(
                jsonResponse("{\"error\":{\"code\":\"NotFound\",\"message\":\"gone\"}}", 404)));
    try (NetAppClient c = client(wm)) {
      assertThatThrownBy(() -> generate(c))
          .isInstanceOf(OutcomeUnknownException.class)
          .hasMessageContaining("can no longer be polled (HTTP 404)");
    }
  }
}
