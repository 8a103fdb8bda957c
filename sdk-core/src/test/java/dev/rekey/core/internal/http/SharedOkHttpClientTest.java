package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ServiceException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

@WireMockTest
class SharedOkHttpClientTest {
  @Test
  void reusesTheApplicationsPoolAndLeavesItOpenOnClose(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get("/ping").willReturn(ok("pong")));
    OkHttpClient app = new OkHttpClient();
    HttpUrl url = HttpUrl.get(wm.getHttpBaseUrl() + "/ping");

    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.builder().okHttpClient(app).build()).build()) {
      assertThat(pipeline.send(ApiRequest.get(url).build()).bodyText()).isEqualTo("pong");
    }

    // The call above left its connection in the application's pool, and close() did not evict it.
    assertThat(app.connectionPool().connectionCount()).isEqualTo(1);
    assertThat(app.dispatcher().executorService().isShutdown()).isFalse();
    try (Response again = app.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(again.body().string()).isEqualTo("pong");
    }
    assertThat(app.connectionPool().connectionCount()).isEqualTo(1);
    app.dispatcher().executorService().shutdown();
    app.connectionPool().evictAll();
  }

  @Test
  void theApplicationsAuthenticatorNeverReSendsACallWithItsOwnCredential(WireMockRuntimeInfo wm) {
    stubFor(post("/rotate").willReturn(aResponse().withStatus(401)));
    OkHttpClient app =
        new OkHttpClient.Builder()
            .authenticator(
                (route, response) ->
                    response.request().newBuilder().header("Authorization", "Bearer APP").build())
            .build();
    HttpUrl url = HttpUrl.get(wm.getHttpBaseUrl() + "/rotate");
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.builder().okHttpClient(app).build()).build()) {
      assertThatThrownBy(
              () ->
                  pipeline.send(ApiRequest.post(url, "{}".getBytes(), "application/json").build()))
          .isInstanceOf(ServiceException.class);
    }
    assertThat(findAll(postRequestedFor(urlEqualTo("/rotate"))))
        .hasSize(1)
        .allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
    app.dispatcher().executorService().shutdown();
  }

  @Test
  void sendsSameClientRequestIdOnEveryAttemptOfOneCall(WireMockRuntimeInfo wm) {
    stubFor(
        get("/flaky")
            .inScenario("s")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
            .willSetStateTo("ok"));
    stubFor(get("/flaky").inScenario("s").whenScenarioStateIs("ok").willReturn(ok("done")));
    try (HttpPipeline pipeline =
        HttpPipeline.builder(ClientOptions.defaults()).azureRequestIds(true).build()) {
      pipeline.send(ApiRequest.get(HttpUrl.get(wm.getHttpBaseUrl() + "/flaky")).build());
    }
    var ids =
        findAll(getRequestedFor(urlEqualTo("/flaky"))).stream()
            .map(r -> r.getHeader("x-ms-client-request-id"))
            .distinct()
            .toList();
    assertThat(findAll(getRequestedFor(urlEqualTo("/flaky")))).hasSize(2);
    assertThat(ids).hasSize(1);
    assertThat(ids.get(0)).matches("[0-9a-f-]{36}");
  }
}
