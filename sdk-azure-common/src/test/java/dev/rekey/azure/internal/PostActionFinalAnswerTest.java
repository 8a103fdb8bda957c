package dev.rekey.azure.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.azure.AzureCloud;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.ServiceException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.test.FakeTime;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

/**
 * ARM's rules for a POST action's answer, every status × header combination, sync and async: a 200
 * is the final answer whatever headers it carries (its body holds the new secrets and is never
 * thrown away); a 202 is followed; a 201 is followed when it names an operation, else read as
 * final.
 */
@WireMockTest
class PostActionFinalAnswerTest {
  private static final TokenCredential CREDENTIAL =
      ctx -> Mono.just(new AccessToken("arm-token", OffsetDateTime.now().plusHours(1)));
  private static final ResultReader<String> TEXT =
      ResultReader.ofRotation(ApiResponse::bodyText, () -> "a test credential was regenerated");
  private static final String FIRST = "{\"secret\":\"from-the-first-answer\"}";
  private static final String POLLED = "{\"secret\":\"from-polling\"}";

  enum Headers {
    NONE,
    AZURE_ASYNC_OPERATION,
    LOCATION,
    BOTH
  }

  static Stream<Arguments> combinations() {
    return Stream.of(200, 201, 202)
        .flatMap(
            s ->
                Stream.of(Headers.values())
                    .flatMap(h -> Stream.of(Arguments.of(s, h, false), Arguments.of(s, h, true))));
  }

  @ParameterizedTest(name = "HTTP {0} with {1}, async {2}")
  @MethodSource("combinations")
  void onlyAcceptedAnswersAreFollowed(
      int status, Headers headers, boolean async, WireMockRuntimeInfo wm) {
    var first =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withHeader("Retry-After", "0")
            .withBody(FIRST);
    if (headers == Headers.AZURE_ASYNC_OPERATION || headers == Headers.BOTH) {
      first = first.withHeader("Azure-AsyncOperation", "/operations/op1");
    }
    if (headers == Headers.LOCATION || headers == Headers.BOTH) {
      first = first.withHeader("Location", "/results/r1");
    }
    stubFor(post(urlPathEqualTo("/subscriptions/s/act")).willReturn(first));
    stubFor(
        get("/operations/op1")
            .willReturn(okJson("{\"status\":\"Succeeded\",\"properties\":" + POLLED + "}")));
    stubFor(get("/results/r1").willReturn(okJson(POLLED)));

    Object outcome = outcome(wm, async);

    boolean followed = status == 202 || (status == 201 && headers != Headers.NONE);
    if (!followed) {
      assertThat(outcome).isEqualTo(FIRST);
      verify(0, getRequestedFor(anyUrl()));
    } else if (headers == Headers.NONE) {
      assertThat(outcome).isInstanceOf(OutcomeUnknownException.class);
      verify(0, getRequestedFor(anyUrl()));
    } else {
      assertThat(outcome).isEqualTo(POLLED);
      verify(
          headers == Headers.AZURE_ASYNC_OPERATION ? 0 : 1,
          getRequestedFor(urlEqualTo("/results/r1")));
      verify(headers == Headers.LOCATION ? 0 : 1, getRequestedFor(urlEqualTo("/operations/op1")));
    }
    verify(1, postRequestedFor(anyUrl()));
  }

  private static Object outcome(WireMockRuntimeInfo wm, boolean async) {
    try (HttpPipeline p = pipeline(wm)) {
      return async
          ? ArmOperations.runAsync(p, call(wm), TEXT).join()
          : ArmOperations.begin(p, call(wm), TEXT).waitForCompletion();
    } catch (CompletionException e) {
      return e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
  }

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
    HttpUrl url = HttpUrl.get(wm.getHttpBaseUrl()).resolve("/subscriptions/s/act?api-version=1");
    return ApiRequest.post(url, "{}".getBytes(StandardCharsets.UTF_8), "application/json").build();
  }
}
