package dev.rekey.core.test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ServiceException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ErrorDecoder;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.retry.RetryPolicy;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * Serves one error body over real HTTP and returns what the pipeline threw with {@code decoder}.
 */
public final class DecoderHarness {
  private DecoderHarness() {}

  public static ServiceException thrownFor(
      WireMockRuntimeInfo wm, ErrorDecoder decoder, int status, String contentType, byte[] body) {
    stubFor(
        any(urlEqualTo("/op"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", contentType)
                    .withHeader("x-ms-request-id", "req-42")
                    .withBody(body)));
    ClientOptions options =
        ClientOptions.builder()
            .retryPolicy(RetryPolicy.none())
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(10))
            .build();
    try (HttpPipeline pipeline = HttpPipeline.builder(options).errorDecoder(decoder).build()) {
      return catchThrowableOfType(
          ServiceException.class,
          () -> pipeline.send(ApiRequest.get(HttpUrl.get(wm.getHttpBaseUrl() + "/op")).build()));
    }
  }
}
