package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.testkit.EmulatorFaultsTest.CountingEmulator;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request faults the fault matrix needs: custom headers, 401, cut-off and replaced bodies. */
class FaultRulesTest {
  private final CountingEmulator emulator = new CountingEmulator();
  private final OkHttpClient client =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeEach
  void start() {
    emulator.start();
  }

  @AfterEach
  void stop() {
    emulator.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Response post() throws IOException {
    return client
        .newCall(
            new Request.Builder()
                .url(emulator.baseUrl().resolve("/rotate").toString())
                .post(RequestBody.create("{}", MediaType.get("application/json")))
                .build())
        .execute();
  }

  @Test
  void respondSendsTheStatusWithEachRetryAfterFormUnprocessed() throws IOException {
    emulator
        .faults()
        .respond(1, 429, Map.of("retry-after-ms", "1500"))
        .respond(1, 503, Map.of("x-ms-retry-after-ms", "250"))
        .respond(1, 429, Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:02 GMT"));
    try (Response r = post()) {
      assertThat(r.code()).isEqualTo(429);
      assertThat(r.header("retry-after-ms")).isEqualTo("1500");
      assertThat(r.body().string()).contains("TooManyRequests");
    }
    try (Response r = post()) {
      assertThat(r.code()).isEqualTo(503);
      assertThat(r.header("x-ms-retry-after-ms")).isEqualTo("250");
    }
    try (Response r = post()) {
      assertThat(r.header("Retry-After")).isEqualTo("Thu, 01 Jan 2026 00:00:02 GMT");
    }
    assertThat(emulator.processed).hasValue(0);
  }

  @Test
  void unauthorizedChallengesOnceWithoutProcessing() throws IOException {
    emulator.faults().unauthorized(1);
    try (Response r = post()) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }
    try (Response r = post()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(emulator.processed).hasValue(1);
  }

  @Test
  void cutOffMidBodyProcessesThenBreaksTheBody() throws IOException {
    emulator.faults().cutOffMidBody(1);
    try (Response r = post()) {
      assertThat(r.code()).isEqualTo(200);
      assertThatThrownBy(() -> r.body().string()).isInstanceOf(IOException.class);
    }
    assertThat(emulator.processed).hasValue(1);
  }

  @Test
  void answerInsteadSendsAProxyPageWithoutProcessing() throws IOException {
    emulator.faults().answerInstead(1, 502, "text/html", "<html><body>Bad Gateway</body></html>");
    try (Response r = post()) {
      assertThat(r.code()).isEqualTo(502);
      assertThat(r.header("Content-Type")).isEqualTo("text/html");
      assertThat(r.body().string()).contains("Bad Gateway");
    }
    assertThat(emulator.processed).hasValue(0);
  }

  @Test
  void bodyFaultsProcessAndKeepTheStatus() throws IOException {
    emulator
        .faults()
        .replaceBody(1, "text/html", "<html/>")
        .truncateBody(1)
        .wrongContentType(1, "text/plain")
        .oversizedBody(1, 5000);
    try (Response r = post()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("<html/>");
    }
    try (Response r = post()) {
      assertThat(r.body().string()).isEqualTo("proce"); // "processed 2" cut to half
    }
    try (Response r = post()) {
      assertThat(r.header("Content-Type")).isEqualTo("text/plain");
      assertThat(r.body().string()).isEqualTo("processed 3");
    }
    try (Response r = post()) {
      assertThat(r.body().bytes().length).isGreaterThan(5000);
    }
    assertThat(emulator.processed).hasValue(4);
  }

  @Test
  void scopedRulesOfferTheSameFaults() throws IOException {
    emulator.faults().matching("POST", "/rotate").unauthorized(1).truncateBody(1);
    try (Response r = post()) {
      assertThat(r.code()).isEqualTo(401);
    }
    try (Response r = post()) {
      assertThat(r.body().string()).isEqualTo("proce");
    }
  }
}
