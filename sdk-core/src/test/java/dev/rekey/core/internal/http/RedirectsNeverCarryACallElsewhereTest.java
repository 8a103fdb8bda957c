package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.test.FakeTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Redirects on rotations (POST) and reads (GET), 301/302/303/307/308, counted on the wire: a read
 * follows a same-origin redirect with its token; a rotation follows only 307/308 (method and body
 * kept) and otherwise ends in a {@link ServiceException} of the redirect's status saying it was not
 * sent on; nothing ever follows a redirect to another origin, so no token reaches it.
 */
class RedirectsNeverCarryACallElsewhereTest {
  private static final String TOKEN = "redirect-token-5f1c";
  private static final String BODY = "{\"rotate\":true}";

  private final FakeTime time = new FakeTime();
  private WireMockServer service;
  private WireMockServer elsewhere;

  @BeforeEach
  void start() {
    service = new WireMockServer(wireMockConfig().dynamicPort());
    elsewhere = new WireMockServer(wireMockConfig().dynamicPort());
    service.start();
    elsewhere.start();
    service.stubFor(post("/moved").willReturn(ok("{\"password\":\"new\"}")));
    service.stubFor(get("/moved").willReturn(ok("{\"read\":true}")));
    elsewhere.stubFor(post("/moved").willReturn(ok("elsewhere")));
    elsewhere.stubFor(get("/moved").willReturn(ok("elsewhere")));
  }

  @AfterEach
  void stop() {
    service.stop();
    elsewhere.stop();
  }

  @Test
  void aRotationAnsweredSeeOtherWasProcessedSoItsOutcomeIsUnknown() {
    // RFC 9110: 303 points at an indirect response to a request the server processed
    redirect("POST", 303, "/result");
    OutcomeUnknownException e =
        catchThrowableOfType(OutcomeUnknownException.class, () -> send(rotation()));
    assertThat(e.getMessage()).contains("303 See Other").doesNotContain(TOKEN);
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            ServiceException.class, s -> assertThat(s.statusCode()).isEqualTo(303));
    service.verify(1, postRequestedFor(anyUrl()));
    service.verify(0, getRequestedFor(anyUrl()));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302})
  void rotationRedirectedAsAGetIsNotSentOn(int status) {
    redirect("POST", status, "/moved");
    ServiceException e = catchThrowableOfType(ServiceException.class, () -> send(rotation()));
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.getMessage()).contains("redirected").contains("not sent on").doesNotContain(TOKEN);
    service.verify(1, postRequestedFor(anyUrl()));
    service.verify(0, getRequestedFor(anyUrl()));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {307, 308})
  void rotationRedirectedWithItsMethodKeptIsSentOnOnceWithItsBodyAndToken(int status) {
    redirect("POST", status, "/moved");
    assertThat(send(rotation()).bodyText()).contains("new");
    service.verify(
        1,
        postRequestedFor(urlPathEqualTo("/moved"))
            .withRequestBody(equalTo(BODY))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void readFollowsASameOriginRedirectWithItsToken(int status) {
    redirect("GET", status, "/moved");
    assertThat(send(ApiRequest.get(url(service, "/start")).build()).bodyText()).contains("read");
    service.verify(
        1,
        getRequestedFor(urlPathEqualTo("/moved"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void noRedirectToAnotherOriginIsFollowedSoTheTokenStaysHome(int status) {
    String there = url(elsewhere, "/moved").toString();
    redirect("GET", status, there);
    redirect("POST", status, there);
    for (ApiRequest request :
        new ApiRequest[] {ApiRequest.get(url(service, "/start")).build(), rotation()}) {
      Throwable thrown = catchThrowable(() -> send(request));
      if (status == 303 && request.method().equals("POST")) {
        // a rotation answered See Other was processed: unknown, the refusal as its cause
        thrown = ((OutcomeUnknownException) thrown).getCause();
      }
      ServiceException e = (ServiceException) thrown;
      assertThat(e.statusCode()).isEqualTo(status);
      assertThat(e.getMessage()).contains("another origin").contains("not sent on");
    }
    assertThat(elsewhere.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {302, 307})
  void asyncCallsDecideTheSame(int status) {
    redirect("POST", status, "/moved");
    try (HttpPipeline p = pipeline()) {
      if (status == 307) {
        assertThat(p.sendAsync(rotation()).join().bodyText()).contains("new");
      } else {
        CompletionException e =
            catchThrowableOfType(CompletionException.class, () -> p.sendAsync(rotation()).join());
        assertThat(e.getCause()).isInstanceOf(ServiceException.class);
        assertThat(((ServiceException) e.getCause()).statusCode()).isEqualTo(302);
      }
    }
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {302, 307})
  void aRedirectLoopEndsAfterFiveHops(int status) {
    service.stubFor(
        get("/loop").willReturn(aResponse().withStatus(status).withHeader("Location", "/loop")));
    ServiceException e =
        catchThrowableOfType(
            ServiceException.class, () -> send(ApiRequest.get(url(service, "/loop")).build()));
    assertThat(e.getMessage()).contains("more than 5 times");
    service.verify(6, getRequestedFor(urlPathEqualTo("/loop")));
    service.verify(0, getRequestedFor(anyUrl()).withHeader("Authorization", absent()));
  }

  private void redirect(String method, int status, String location) {
    var answer = aResponse().withStatus(status).withHeader("Location", location);
    service.stubFor((method.equals("GET") ? get("/start") : post("/start")).willReturn(answer));
  }

  private ApiRequest rotation() {
    return ApiRequest.post(
            url(service, "/start"), BODY.getBytes(StandardCharsets.UTF_8), "application/json")
        .build();
  }

  private static HttpUrl url(WireMockServer server, String path) {
    return HttpUrl.get(server.baseUrl() + path);
  }

  private HttpPipeline pipeline() {
    return HttpPipeline.builder(
            ClientOptions.builder().timeSource(time).readTimeout(Duration.ofSeconds(5)).build())
        .authentication(
            Authentication.bearer(
                () -> new AccessToken(Secret.of(TOKEN), time.now().plus(Duration.ofHours(1)))))
        .build();
  }

  private ApiResponse send(ApiRequest request) {
    try (HttpPipeline p = pipeline()) {
      return p.send(request);
    }
  }
}
