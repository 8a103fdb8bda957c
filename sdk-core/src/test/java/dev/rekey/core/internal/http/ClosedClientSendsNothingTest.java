package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.RekeyException;
import dev.rekey.core.auth.Authentication;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A closed client refuses every call at once and sends nothing, sync or async, whoever owns the
 * OkHttp client under it (a sync call used to go on working, an async one to fail only after its
 * retries).
 */
@WireMockTest
class ClosedClientSendsNothingTest {
  private static ApiRequest keys(WireMockRuntimeInfo wm) {
    return ApiRequest.get(HttpUrl.get(wm.getHttpBaseUrl() + "/keys")).build();
  }

  @Test
  void closedPipelineRefusesSyncAndAsyncCallsWithoutSending(WireMockRuntimeInfo wm) {
    stubFor(get("/keys").willReturn(ok()));
    HttpPipeline pipeline = HttpPipeline.builder(ClientOptions.defaults()).build();
    HttpPipeline derived = pipeline.withAuthentication(Authentication.none());
    pipeline.close();

    assertThatThrownBy(() -> pipeline.send(keys(wm)))
        .isInstanceOf(RekeyException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> derived.send(keys(wm))).hasMessageContaining("closed");
    verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void closingADerivedPipelineLeavesItsParentOpen(WireMockRuntimeInfo wm) {
    stubFor(get("/keys").willReturn(ok()));
    try (HttpPipeline parent = HttpPipeline.builder(ClientOptions.defaults()).build()) {
      HttpPipeline derived = parent.withAuthentication(Authentication.none());
      derived.close();
      assertThatThrownBy(() -> derived.send(keys(wm))).hasMessageContaining("closed");
      assertThat(parent.send(keys(wm)).statusCode()).isEqualTo(200);
    }
    verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void closedPipelineRefusesAsyncCallsAtOnce(WireMockRuntimeInfo wm) {
    HttpPipeline pipeline = HttpPipeline.builder(ClientOptions.defaults()).build();
    pipeline.close();
    CompletableFuture<ApiResponse> async = pipeline.sendAsync(keys(wm));
    assertThat(async).isCompletedExceptionally();
    assertThatThrownBy(async::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(RekeyException.class);
    verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void pipelineOnTheApplicationsOwnClientIsClosedToo(WireMockRuntimeInfo wm) {
    stubFor(get("/keys").willReturn(ok()));
    OkHttpClient own = new OkHttpClient();
    try {
      HttpPipeline pipeline =
          HttpPipeline.builder(ClientOptions.builder().okHttpClient(own).build()).build();
      assertThat(pipeline.send(keys(wm)).statusCode()).isEqualTo(200);
      pipeline.close();

      assertThatThrownBy(() -> pipeline.send(keys(wm))).hasMessageContaining("closed");
      verify(1, anyRequestedFor(anyUrl()));
    } finally {
      own.dispatcher().executorService().shutdown();
    }
  }
}
