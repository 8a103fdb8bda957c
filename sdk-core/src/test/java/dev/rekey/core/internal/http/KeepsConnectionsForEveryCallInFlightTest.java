package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** A burst of concurrent calls leaves its connections pooled for the next burst, up to maxRequestsPerHost. */
@WireMockTest
class KeepsConnectionsForEveryCallInFlightTest {

  @Test
  void idlePoolHoldsAsManyConnectionsAsCallsMayBeInFlight(WireMockRuntimeInfo wm) throws InterruptedException {
    stubFor(get("/slow").willReturn(ok("x").withFixedDelay(300)));
    OkHttpClient client = OkHttpFactory.create(ClientOptions.builder().maxRequestsPerHost(12).build());
    try {
      List<CompletableFuture<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          try (Response r = client.newCall(new Request.Builder().url(wm.getHttpBaseUrl() + "/slow").build()).execute()) {
            return r.code();
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }, client.dispatcher().executorService()));
      }
      calls.forEach(c -> assertThat(c.join()).isEqualTo(200));
      Thread.sleep(500); // the pool trims extra idle connections right after they are released
      // OkHttp's default pool would keep 5 and close the rest.
      assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(12);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
