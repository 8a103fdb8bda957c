package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.auth.Authentication;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** A sibling pipeline changes only the credentials and shares the parent's connections. */
@WireMockTest
class WithAuthenticationTest {
  @Test
  void siblingSendsItsOwnCredentialsOverTheParentsConnectionAndClosingItReleasesNothing(
      WireMockRuntimeInfo wm) {
    stubFor(get("/r").willReturn(ok("x")));
    HttpUrl url = HttpUrl.get(wm.getHttpBaseUrl() + "/r");
    try (HttpPipeline parent =
        HttpPipeline.builder(ClientOptions.defaults())
            .module("sdk-test")
            .authentication(Authentication.basic("admin", Secret.of("a-pass")))
            .build()) {
      parent.send(ApiRequest.get(url).build());
      try (HttpPipeline sibling =
          parent.withAuthentication(Authentication.basic("user", Secret.of("u-pass")))) {
        sibling.send(ApiRequest.get(url).build());
      }
      parent.send(ApiRequest.get(url).build());
    }
    List<String> seen =
        findAll(getRequestedFor(urlEqualTo("/r"))).stream()
            .map(r -> r.getHeader("Authorization"))
            .toList();
    assertThat(seen)
        .containsExactly(
            Credentials.basic("admin", "a-pass"),
            Credentials.basic("user", "u-pass"),
            Credentials.basic("admin", "a-pass"));
    assertThat(findAll(getRequestedFor(urlEqualTo("/r"))))
        .allSatisfy(r -> assertThat(r.getHeader("User-Agent")).contains("sdk-test/"));
  }
}
