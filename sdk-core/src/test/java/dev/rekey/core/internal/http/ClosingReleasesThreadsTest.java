package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * Lesson 6 of the incumbent: Rekey's HTTP threads never keep a JVM alive, and close() ends them.
 */
@WireMockTest
class ClosingReleasesThreadsTest {

  private static List<Thread> liveThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith(prefix))
        .toList();
  }

  @Test
  void dispatcherThreadsAreDaemonAndEndAfterClose(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get("/r").willReturn(ok("x")));
    // Slow enough that thenApply below is attached before the call completes: otherwise the
    // callback may run on the test thread itself.
    stubFor(get("/slow").willReturn(ok("x").withFixedDelay(300)));
    HttpUrl url = HttpUrl.get(wm.getHttpBaseUrl() + "/r");
    HttpUrl slow = HttpUrl.get(wm.getHttpBaseUrl() + "/slow");
    Thread dispatcher;
    HttpPipeline p = HttpPipeline.builder(ClientOptions.defaults()).build();
    try {
      p.send(ApiRequest.get(url).build());
      // Capture the thread that runs the async call's callback: it is one of this pipeline's.
      CompletableFuture<Thread> callbackThread =
          p.sendAsync(ApiRequest.get(slow).build()).thenApply(r -> Thread.currentThread());
      List<CompletableFuture<ApiResponse>> more =
          List.of(
              p.sendAsync(ApiRequest.get(url).build()), p.sendAsync(ApiRequest.get(url).build()));
      dispatcher = callbackThread.get(10, TimeUnit.SECONDS);
      more.forEach(CompletableFuture::join);

      // OkHttp renames its worker to "OkHttp <url>" while it runs a call, so check identity, not
      // name.
      assertThat(dispatcher).isNotSameAs(Thread.currentThread());
      assertThat(dispatcher.isDaemon()).as("callback thread is a daemon").isTrue();
      assertThat(liveThreads("rekey-http-")).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
      assertThat(liveThreads("OkHttp"))
          .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
    } finally {
      p.close();
    }

    dispatcher.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(dispatcher.isAlive()).as("dispatcher thread after close()").isFalse();
    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.isAlive() && !t.isDaemon())
        .filteredOn(t -> t.getName().startsWith("rekey-http") || t.getName().startsWith("OkHttp"))
        .isEmpty();
  }
}
