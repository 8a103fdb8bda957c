package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmulatorFaultsTest {
  /** Counts the requests it processed: the state a rotation would change. */
  static final class CountingEmulator extends Emulator {
    final AtomicInteger processed = new AtomicInteger();

    @Override
    protected MockResponse handle(RecordedRequest request) {
      return new MockResponse.Builder()
          .code(200)
          .body("processed " + processed.incrementAndGet())
          .build();
    }

    @Override
    protected void resetState() {
      processed.set(0);
    }

    @Override
    protected MockResponse errorResponse(int status, String code, String message) {
      return new MockResponse.Builder()
          .code(status)
          .body("{\"error\":{\"code\":\"" + code + "\"}}")
          .build();
    }
  }

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

  private Response post(String path) throws IOException {
    return client
        .newCall(
            new Request.Builder()
                .url(emulator.baseUrl().resolve(path).toString())
                .post(RequestBody.create("{}", MediaType.get("application/json")))
                .build())
        .execute();
  }

  @Test
  void throttlesTheNextCallsWithRetryAfterThenServes() throws IOException {
    emulator.faults().throttle(2, Duration.ofSeconds(3));
    for (int i = 0; i < 2; i++) {
      try (Response r = post("/rotate")) {
        assertThat(r.code()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("3");
        assertThat(r.body().string()).contains("TooManyRequests");
      }
    }
    try (Response r = post("/rotate")) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(emulator.processed).hasValue(1);
    assertThat(emulator.requests()).hasSize(3);
  }

  @Test
  void dropBeforeProcessingLeavesStateUnchanged() {
    emulator.faults().dropBeforeProcessing(1);
    assertThatThrownBy(() -> post("/rotate").close()).isInstanceOf(IOException.class);
    assertThat(emulator.processed).hasValue(0);
  }

  @Test
  void dropAfterProcessingAppliesTheChangeButLosesTheAnswer() {
    emulator.faults().dropAfterProcessing(1);
    assertThatThrownBy(() -> post("/rotate").close()).isInstanceOf(IOException.class);
    assertThat(emulator.processed).hasValue(1);
    assertThat(emulator.count("POST", "/rotate")).isEqualTo(1);
  }

  @Test
  void scopedFaultsTouchOnlyMatchingRequests() throws IOException {
    emulator.faults().matching("POST", "/rotate").fail(1, 503, Duration.ofSeconds(1));
    try (Response other = post("/other")) {
      assertThat(other.code()).isEqualTo(200);
    }
    try (Response rotate = post("/rotate")) {
      assertThat(rotate.code()).isEqualTo(503);
      assertThat(rotate.header("Retry-After")).isEqualTo("1");
    }
    try (Response rotate = post("/rotate")) {
      assertThat(rotate.code()).isEqualTo(200);
    }
  }

  @Test
  void delayHoldsTheAnswerBackUntilTheClientTimesOut() {
    OkHttpClient impatient = client.newBuilder().readTimeout(Duration.ofMillis(200)).build();
    emulator.faults().delay(1, Duration.ofSeconds(2));
    assertThatThrownBy(
            () ->
                impatient
                    .newCall(
                        new Request.Builder()
                            .url(emulator.baseUrl().resolve("/slow").toString())
                            .build())
                    .execute()
                    .close())
        .isInstanceOf(IOException.class);
  }

  @Test
  void resetForgetsRequestsFaultsAndState() throws IOException {
    post("/rotate").close();
    emulator.faults().fail(5, 500);
    emulator.reset();
    assertThat(emulator.requests()).isEmpty();
    assertThat(emulator.processed).hasValue(0);
    try (Response r = post("/rotate")) {
      assertThat(r.code()).isEqualTo(200);
    }
  }

  @Test
  void rejectsNonPositiveCounts() {
    assertThatThrownBy(() -> emulator.faults().fail(0, 500))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
