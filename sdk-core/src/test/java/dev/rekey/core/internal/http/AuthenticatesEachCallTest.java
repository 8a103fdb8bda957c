package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.rekey.core.test.WireMockSequences.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.auth.TokenSource;
import dev.rekey.core.test.FakeTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens are cached, refreshed early, and replaced once after a 401; basic auth is encoded.
 */
@WireMockTest
class AuthenticatesEachCallTest {
  private final FakeTime time = new FakeTime();
  private final AtomicInteger fetches = new AtomicInteger();

  /** Hands out tok-1, tok-2, … each valid for one hour from the fake clock's now. */
  private final TokenSource source =
      () ->
          new AccessToken(
              Secret.of("tok-" + fetches.incrementAndGet()), time.now().plus(Duration.ofHours(1)));

  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
  }

  private HttpPipeline pipeline(Authentication auth) {
    return HttpPipeline.builder(ClientOptions.builder().timeSource(time).build())
        .authentication(auth)
        .random(() -> 0.5)
        .build();
  }

  private static List<String> authorizationHeadersSeen() {
    return findAll(getRequestedFor(urlPathEqualTo("/r"))).stream()
        .map(LoggedRequest::getHeaders)
        .map(h -> h.getHeader("Authorization").firstValue())
        .toList();
  }

  private ApiRequest getR() {
    return ApiRequest.get(HttpUrl.get(base + "/r")).build();
  }

  @Test
  void cachesTokenAcrossCalls() {
    stubFor(get("/r").willReturn(ok()));
    try (HttpPipeline p = pipeline(Authentication.bearer(source))) {
      for (int i = 0; i < 5; i++) {
        p.send(getR());
      }
      p.sendAsync(getR()).join();
    }

    assertThat(fetches).hasValue(1);
    assertThat(authorizationHeadersSeen()).hasSize(6).containsOnly("Bearer tok-1");
  }

  @Test
  void refreshesOnceWhenTokenEntersRefreshMargin() {
    stubFor(get("/r").willReturn(ok()));
    try (HttpPipeline p = pipeline(Authentication.bearer(source))) {
      p.send(getR());
      time.advance(Duration.ofMinutes(54)); // 6 min left: outside the 5 min margin
      p.send(getR());
      time.advance(Duration.ofMinutes(2)); // 4 min left: inside it
      p.send(getR());
      p.send(getR());
    }

    assertThat(fetches).hasValue(2);
    assertThat(authorizationHeadersSeen())
        .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2", "Bearer tok-2");
  }

  @Test
  void expiredTokenIsReplacedBeforeSending() {
    stubFor(get("/r").willReturn(ok()));
    try (HttpPipeline p = pipeline(Authentication.bearer(source))) {
      p.send(getR());
      time.advance(Duration.ofHours(2));
      p.send(getR());
    }

    assertThat(authorizationHeadersSeen()).containsExactly("Bearer tok-1", "Bearer tok-2");
  }

  @Test
  void unauthorizedOnceIsSentAgainOnceWithAFreshToken() {
    respondInOrder("GET", "/r", aResponse().withStatus(401), ok("in"));

    ApiResponse r;
    try (HttpPipeline p = pipeline(Authentication.bearer(source))) {
      r = p.send(getR());
    }

    assertThat(r.bodyText()).isEqualTo("in");
    assertThat(authorizationHeadersSeen()).containsExactly("Bearer tok-1", "Bearer tok-2");
    assertThat(fetches).hasValue(2);
    assertThat(time.waits()).isEmpty();
  }

  @Test
  void unauthorizedTwiceIsServiceExceptionWithoutLooping() {
    stubFor(get("/r").willReturn(aResponse().withStatus(401)));

    ServiceException e;
    try (HttpPipeline p = pipeline(Authentication.bearer(source))) {
      e = catchThrowableOfType(ServiceException.class, () -> p.send(getR()));
    }

    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.isAuthenticationFailure()).isTrue();
    assertThat(authorizationHeadersSeen()).containsExactly("Bearer tok-1", "Bearer tok-2");
  }

  @Test
  void unauthorizedRotationIsSentAgainWithFreshTokenOnce() {
    respondInOrder("POST", "/rotate", aResponse().withStatus(401), ok("rotated"));

    ApiResponse r;
    try (HttpPipeline p = pipeline(Authentication.bearer(source))) {
      r =
          p.send(
              ApiRequest.post(
                      HttpUrl.get(base + "/rotate"),
                      "{}".getBytes(StandardCharsets.UTF_8),
                      "application/json")
                  .build());
    }

    assertThat(r.bodyText()).isEqualTo("rotated");
    verify(
        1,
        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/rotate"))
            .withHeader("Authorization", equalTo("Bearer tok-2")));
  }

  @Test
  void basicAuthSendsEncodedCredentials() {
    stubFor(get("/r").willReturn(ok()));
    try (HttpPipeline p = pipeline(Authentication.basic("admin", Secret.of("pä:ss")))) {
      p.send(getR());
    }

    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("admin:pä:ss".getBytes(StandardCharsets.UTF_8));
    assertThat(authorizationHeadersSeen()).containsExactly(expected);
  }

  @Test
  void changingBasicAuthReadsThePasswordOnEveryCall() {
    stubFor(get("/r").willReturn(ok()));
    java.util.concurrent.atomic.AtomicReference<Secret> password =
        new java.util.concurrent.atomic.AtomicReference<>(Secret.of("old-1"));
    Authentication auth = Authentication.basic("admin", password::get);
    try (HttpPipeline p = pipeline(auth)) {
      p.send(getR());
      password.set(Secret.of("new-2"));
      p.send(getR());
    }

    assertThat(authorizationHeadersSeen())
        .containsExactly(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("admin:old-1".getBytes(StandardCharsets.UTF_8)),
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("admin:new-2".getBytes(StandardCharsets.UTF_8)));
    assertThat(auth.toString()).doesNotContain("old-1").contains("****");
  }
}
