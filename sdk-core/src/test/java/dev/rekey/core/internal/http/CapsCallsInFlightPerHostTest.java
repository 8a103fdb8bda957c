package dev.rekey.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.rekey.core.TransportException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * maxRequestsPerHost holds for synchronous and asynchronous calls together, as seen by the server:
 * OkHttp's dispatcher alone only queues the asynchronous ones.
 */
class CapsCallsInFlightPerHostTest {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private HttpServer server;

  @BeforeEach
  void startSlowServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext(
        "/slow",
        exchange -> {
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(60);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          exchange.sendResponseHeaders(200, 2);
          exchange.getResponseBody().write("ok".getBytes());
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  @Test
  void syncAndAsyncCallsTogetherNeverExceedTheCap() throws Exception {
    HttpUrl url = HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort() + "/slow");
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try (HttpPipeline pipeline =
        HttpPipeline.builder(FastCalls.options().maxRequestsPerHost(3).build()).build()) {
      List<CompletableFuture<ApiResponse>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> pipeline.send(ApiRequest.get(url).build()), callers));
        calls.add(pipeline.sendAsync(ApiRequest.get(url).build()));
      }
      for (CompletableFuture<ApiResponse> call : calls) {
        assertThat(call.get(10, TimeUnit.SECONDS).bodyText()).isEqualTo("ok");
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(mostInFlight.get())
        .isEqualTo(3); // 16 calls of 60 ms: the cap is reached, never passed
  }

  @Test
  void aFailedCallGivesItsSlotBack() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (HttpPipeline pipeline =
        HttpPipeline.builder(FastCalls.options().maxRequestsPerHost(1).build()).build()) {
      for (int i = 0; i < 3; i++) {
        Throwable refused =
            catchThrowable(
                () ->
                    pipeline.send(
                        ApiRequest.get(HttpUrl.get("http://127.0.0.1:" + closedPort + "/"))
                            .build()));
        assertThat(refused).isInstanceOf(TransportException.class);
      }
      HttpUrl url = HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort() + "/slow");
      ApiResponse answered =
          CompletableFuture.supplyAsync(() -> pipeline.send(ApiRequest.get(url).build()))
              .get(5, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
    }
  }
}
