package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ValidationException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The application's user agent suffix ends the {@code User-Agent} header; one the header cannot
 * carry is refused when the options are built, not by OkHttp at the first call.
 */
@WireMockTest
class UserAgentSuffixTest {
  @Test
  void theSuffixEndsTheUserAgentOnTheWire(WireMockRuntimeInfo wm) {
    stubFor(get("/ping").willReturn(ok()));
    ClientOptions options = ClientOptions.builder().userAgentSuffix("my-rotator/1.4 (ops)").build();
    try (HttpPipeline pipeline = HttpPipeline.builder(options).module("sdk-test").build()) {
      pipeline.send(ApiRequest.get(HttpUrl.get(wm.getHttpBaseUrl() + "/ping")).build());
    }
    verify(
        1,
        getRequestedFor(urlEqualTo("/ping"))
            .withHeader("User-Agent", matching("rekey-java/.* my-rotator/1\\.4 \\(ops\\)")));
  }

  @Test
  void aSuffixTheHeaderCannotCarryIsRefusedWhenTheOptionsAreBuilt() {
    for (String bad : new String[] {"app\r\nX-Forged: 1", "appé/1", "app/1 ", ""}) {
      ValidationException e =
          catchThrowableOfType(
              ValidationException.class,
              () -> ClientOptions.builder().userAgentSuffix(bad).build());
      assertThat(e).as(bad).isNotNull();
      assertThat(e.field()).isEqualTo("userAgentSuffix");
      assertThat(e.rule()).contains("printable ASCII").contains("User-Agent header");
    }
  }
}
