package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

@WireMockTest
class HttpPipelineSmokeTest {
  @Test
  void postsBodyWithUserAgentAndReadsResponse(WireMockRuntimeInfo wm) throws Exception {
    stubFor(
        post("/things?api-version=1")
            .willReturn(okJson("{\"a\":1}").withHeader("x-ms-request-id", "r-1")));
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.defaults())
            .module("sdk-test")
            .azureRequestIds(true)
            .build()) {
      ApiResponse response =
          pipeline.send(
              ApiRequest.post(
                      HttpUrl.get(wm.getHttpBaseUrl() + "/things?api-version=1"),
                      "{\"x\":2}".getBytes(StandardCharsets.UTF_8),
                      "application/json")
                  .build());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("{\"a\":1}");
      assertThat(response.requestId()).isEqualTo("r-1");
      ApiResponse viaAsync =
          pipeline
              .sendAsync(
                  ApiRequest.post(
                          HttpUrl.get(wm.getHttpBaseUrl() + "/things?api-version=1"),
                          "{\"x\":2}".getBytes(StandardCharsets.UTF_8),
                          "application/json")
                      .build())
              .get();
      assertThat(viaAsync.bodyText()).isEqualTo("{\"a\":1}");
    }
    verify(
        2,
        postRequestedFor(urlEqualTo("/things?api-version=1"))
            .withHeader(
                "User-Agent",
                matching(
                    // the build's version (a filtered constant), never a placeholder or "dev"
                    "rekey-java/(\\d+\\.\\d+\\.\\d+\\S*) sdk-test/\\1 Java/"
                        + Pattern.quote(System.getProperty("java.version"))
                        + ".*"))
            .withHeader("x-ms-client-request-id", matching("[0-9a-f-]{36}"))
            .withHeader("Content-Type", containing("application/json"))
            .withRequestBody(equalToJson("{\"x\":2}")));
  }
}
