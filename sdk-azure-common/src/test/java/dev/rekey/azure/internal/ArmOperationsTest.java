package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.azure.AzureCloud;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ServiceException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.FakeTime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

@WireMockTest
class ArmOperationsTest {
  private static final TokenCredential CREDENTIAL =
      ctx -> Mono.just(new AccessToken("arm-token", OffsetDateTime.now().plusHours(1)));

  private static final ResultReader<String> TEXT =
      ResultReader.ofRotation(ApiResponse::bodyText, () -> "a test credential was regenerated");

  private static HttpPipeline pipeline(WireMockRuntimeInfo wm) {
    ClientOptions options =
        ClientOptions.builder()
            .endpoint(URI.create(wm.getHttpBaseUrl()))
            .timeSource(new FakeTime())
            .build();
    return ArmPipelines.create(
        options, CREDENTIAL, AzureCloud.PUBLIC, "sdk-test", ServiceException::new);
  }

  private static ApiRequest call(WireMockRuntimeInfo wm) {
    HttpUrl url =
        ArmPipelines.endpoint(
                ClientOptions.builder().endpoint(URI.create(wm.getHttpBaseUrl())).build(),
                AzureCloud.PUBLIC)
            .resolve("/subscriptions/s/act?api-version=1");
    return ApiRequest.post(url, "{}".getBytes(StandardCharsets.UTF_8), "application/json").build();
  }

  @Test
  void answerAtOnceIsACompletedOperationWithBearerTokenSent(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo("/subscriptions/s/act"))
            .willReturn(okJson("{\"v\":1}").withHeader("x-ms-request-id", "rid")));
    try (HttpPipeline p = pipeline(wm)) {
      Operation<String> op = ArmOperations.begin(p, call(wm), TEXT);
      assertThat(op.id()).isEqualTo("rid");
      assertThat(op.poll()).contains("{\"v\":1}");
    }
    verify(
        postRequestedFor(urlPathEqualTo("/subscriptions/s/act"))
            .withHeader("Authorization", equalTo("Bearer arm-token"))
            .withHeader("x-ms-client-request-id", matching("[0-9a-f-]{36}")));
  }

  @Test
  void acceptedAnswerIsPolledToTheResultSyncAndAsync(WireMockRuntimeInfo wm) throws Exception {
    stubFor(
        post(urlPathEqualTo("/subscriptions/s/act"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "/ops/1")
                    .withHeader("Retry-After", "0")));
    stubFor(get("/ops/1").willReturn(okJson("{\"v\":2}")));
    try (HttpPipeline p = pipeline(wm)) {
      assertThat(ArmOperations.begin(p, call(wm), TEXT).waitForCompletion()).isEqualTo("{\"v\":2}");
      assertThat(ArmOperations.runAsync(p, call(wm), TEXT).get()).isEqualTo("{\"v\":2}");
    }
  }

  @Test
  void armErrorBecomesTheModulesException(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo("/subscriptions/s/act"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("x-ms-request-id", "r404")
                    .withBody("{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"gone\"}}")));
    try (HttpPipeline p = pipeline(wm)) {
      assertThatThrownBy(() -> ArmOperations.begin(p, call(wm), TEXT))
          .isInstanceOfSatisfying(
              ServiceException.class,
              e -> {
                assertThat(e.errorCode()).contains("ResourceNotFound");
                assertThat(e.requestId()).contains("r404");
              });
    }
  }

  @Test
  void aFrontDoorErrorWithOnlyACorrelationIdCarriesThatId(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo("/subscriptions/s/act"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("x-ms-correlation-request-id", "corr-7")
                    .withBody("{\"error\":{\"code\":\"InvalidApiVersionParameter\"}}")));
    try (HttpPipeline p = pipeline(wm)) {
      assertThatThrownBy(() -> ArmOperations.begin(p, call(wm), TEXT))
          .isInstanceOfSatisfying(
              ServiceException.class, e -> assertThat(e.requestId()).contains("corr-7"));
    }
  }
}
