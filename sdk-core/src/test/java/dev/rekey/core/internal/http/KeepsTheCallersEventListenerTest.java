package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.TransportException;
import dev.rekey.core.test.FakeTime;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client given to {@code ClientOptions.okHttpClient} keeps its own {@link EventListener}: the
 * application's metrics hear Rekey's calls, and Rekey's own listener still tells "may have reached
 * the server" from "never sent".
 */
@WireMockTest
class KeepsTheCallersEventListenerTest {
  private final List<String> heard = new ArrayList<>();
  private final OkHttpClient app =
      new OkHttpClient.Builder().eventListener(new RecordingListener(heard)).build();
  private final FakeTime time = new FakeTime();

  @AfterEach
  void closeAppClient() {
    app.dispatcher().executorService().shutdown();
    app.connectionPool().evictAll();
  }

  private HttpPipeline pipeline() {
    return HttpPipeline.builder(ClientOptions.builder().okHttpClient(app).timeSource(time).build())
        .random(() -> 0.5)
        .build();
  }

  private static ApiRequest rotation(String url) {
    return ApiRequest.post(
            HttpUrl.get(url), "{}".getBytes(StandardCharsets.UTF_8), "application/json")
        .operationName("rotateKey")
        .build();
  }

  @Test
  void callersListenerHearsEveryStageOfARekeyCall(WireMockRuntimeInfo wm) {
    stubFor(get("/ping").willReturn(ok("pong")));

    try (HttpPipeline pipeline = pipeline()) {
      assertThat(
              pipeline
                  .send(ApiRequest.get(HttpUrl.get(wm.getHttpBaseUrl() + "/ping")).build())
                  .bodyText())
          .isEqualTo("pong");
    }

    assertThat(heard)
        .containsSubsequence(
            "callStart", "connectStart", "requestHeadersStart", "responseHeadersEnd", "callEnd")
        .doesNotContain("callFailed");
  }

  @Test
  void rotationWhoseAnswerIsLostIsStillOutcomeUnknownAndSentOnce(WireMockRuntimeInfo wm) {
    // Rekey's listener marks the request as started; without it this would count as "never sent"
    // and the rotation would be sent again.
    stubFor(post("/rotate").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    OutcomeUnknownException e;
    try (HttpPipeline pipeline = pipeline()) {
      e =
          catchThrowableOfType(
              OutcomeUnknownException.class,
              () -> pipeline.send(rotation(wm.getHttpBaseUrl() + "/rotate")));
    }

    verify(1, postRequestedFor(urlPathEqualTo("/rotate")));
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(heard).containsSubsequence("callStart", "requestHeadersStart", "callFailed");
  }

  @Test
  void rotationThatNeverConnectedIsStillSentAgain() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }

    TransportException e;
    try (HttpPipeline pipeline = pipeline()) {
      e =
          catchThrowableOfType(
              TransportException.class,
              () -> pipeline.send(rotation("http://127.0.0.1:" + closedPort + "/rotate")));
    }

    assertThat(e.mayHaveReachedServer()).isFalse();
    assertThat(e.attempts()).isEqualTo(4);
    assertThat(heard.stream().filter("connectFailed"::equals)).hasSize(4);
  }

  /** What an application's metrics listener does: note each event it hears. */
  private static final class RecordingListener extends EventListener {
    private final List<String> heard;

    RecordingListener(List<String> heard) {
      this.heard = heard;
    }

    private void note(String event) {
      synchronized (heard) {
        heard.add(event);
      }
    }

    @Override
    public void callStart(Call call) {
      note("callStart");
    }

    @Override
    public void connectStart(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
      note("connectStart");
    }

    @Override
    public void connectFailed(
        Call call,
        java.net.InetSocketAddress address,
        java.net.Proxy proxy,
        okhttp3.Protocol protocol,
        IOException e) {
      note("connectFailed");
    }

    @Override
    public void requestHeadersStart(Call call) {
      note("requestHeadersStart");
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
      note("responseHeadersEnd");
    }

    @Override
    public void callEnd(Call call) {
      note("callEnd");
    }

    @Override
    public void callFailed(Call call, IOException e) {
      note("callFailed");
    }
  }
}
