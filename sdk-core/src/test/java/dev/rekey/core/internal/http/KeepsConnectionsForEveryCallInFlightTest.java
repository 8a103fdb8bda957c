package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * A burst of concurrent calls leaves its connections pooled for the next burst, up to
 * maxRequestsPerHost.
 */
@WireMockTest
class KeepsConnectionsForEveryCallInFlightTest {
  private static final int CALLS = 12;

  @Test
  void aSecondBurstReusesEveryConnectionOfTheFirst(WireMockRuntimeInfo wm) {
    stubFor(get("/slow").willReturn(ok("x").withFixedDelay(300)));
    AtomicInteger connects = new AtomicInteger();
    OkHttpClient client =
        OkHttpFactory.create(ClientOptions.builder().maxRequestsPerHost(CALLS).build())
            .newBuilder()
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                    connects.incrementAndGet();
                  }
                })
            .build();
    try {
      burst(client, wm.getHttpBaseUrl() + "/slow");
      assertThat(connects).hasValue(CALLS);

      // OkHttp's default pool keeps 5 idle connections and closes the rest as soon as they are
      // released,
      // so this burst would open 7 new ones.
      burst(client, wm.getHttpBaseUrl() + "/slow");
      assertThat(connects).hasValue(CALLS);
      assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(CALLS);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static void burst(OkHttpClient client, String url) {
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                CallTag tag =
                    new CallTag(false, 1); // as HttpPipeline sends: the per-host slot rides on it
                okhttp3.Call call = client.newCall(new Request.Builder().url(url).build());
                tag.ridesOn(call);
                try (Response r = call.execute()) {
                  return r.code();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                } finally {
                  tag.release();
                }
              },
              client.dispatcher().executorService()));
    }
    calls.forEach(c -> assertThat(c.join()).isEqualTo(200));
  }
}
