package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArmEmulatorTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000000";

  /** Rotates a counter on POST .../rotate and returns it. */
  static final class CounterEmulator extends ArmEmulator {
    final AtomicInteger rotations = new AtomicInteger();

    @Override
    protected MockResponse handleArm(RecordedRequest request) {
      return longRunning(() -> json(200, "{\"value\":" + rotations.incrementAndGet() + "}"));
    }

    @Override
    protected void resetArmState() {
      rotations.set(0);
    }
  }

  private final CounterEmulator arm = new CounterEmulator();
  private final OkHttpClient client = new OkHttpClient.Builder().followRedirects(false).build();

  @BeforeEach
  void start() {
    arm.start();
  }

  @AfterEach
  void stop() {
    arm.close();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Response call(String method, HttpUrl url, String token) throws IOException {
    Request.Builder b = new Request.Builder().url(url);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (method.equals("POST")) {
      b.post(RequestBody.create("{}", MediaType.get("application/json")));
    }
    return client.newCall(b.build()).execute();
  }

  private HttpUrl rotateUrl() {
    return HttpUrl.get(arm.baseUrl())
        .resolve("/subscriptions/" + SUB + "/rotate?api-version=2023-01-01");
  }

  @Test
  void refusesARequestWithoutAuthorizationHeaderAsArmDoes() throws IOException {
    try (Response r = call("POST", rotateUrl(), null)) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer ");
      assertThat(r.body().string())
          .contains("\"code\":\"AuthenticationFailed\"")
          .contains(
              "\"message\":\"Authentication failed. The 'Authorization' header is missing.\"");
    }
    assertThat(arm.rotations).hasValue(0);
  }

  @Test
  void refusesAnEmptyOrWrongTokenWithInvalidAuthenticationToken() throws IOException {
    try (Response r = call("POST", rotateUrl(), "")) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).contains("\"code\":\"InvalidAuthenticationToken\"");
    }
    arm.requireToken("right");
    try (Response r = call("POST", rotateUrl(), "wrong")) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).contains("\"code\":\"InvalidAuthenticationToken\"");
    }
    assertThat(arm.rotations).hasValue(0);
  }

  @Test
  void requiresApiVersion() throws IOException {
    try (Response r =
        call(
            "POST", HttpUrl.get(arm.baseUrl()).resolve("/subscriptions/" + SUB + "/rotate"), "t")) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.header("x-ms-request-id")).isNotBlank();
      assertThat(r.body().string()).contains("MissingApiVersionParameter");
    }
  }

  @Test
  void refusesAMalformedSubscriptionIdAsArmDoes() throws IOException {
    HttpUrl url =
        HttpUrl.get(arm.baseUrl())
            .resolve("/subscriptions/not-a-uuid/rotate?api-version=2023-01-01");
    try (Response r = call("POST", url, "t")) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.body().string())
          .contains("\"code\":\"InvalidSubscriptionId\"")
          .contains("'not-a-uuid' is malformed or invalid");
    }
    assertThat(arm.rotations).hasValue(0);
  }

  @Test
  void answersAtOnceWithoutAPlan() throws IOException {
    try (Response r = call("POST", rotateUrl(), "t")) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("{\"value\":1}");
    }
  }

  @Test
  void locationPlanRunsTheCallAfterTheGivenPolls() throws IOException {
    arm.faults().planNextOperation(AsyncPlan.location(2));
    HttpUrl location;
    try (Response r = call("POST", rotateUrl(), "t")) {
      assertThat(r.code()).isEqualTo(202);
      assertThat(r.header("Azure-AsyncOperation")).isNull();
      location = HttpUrl.get(r.header("Location"));
    }
    for (int i = 0; i < 2; i++) {
      try (Response r = call("GET", location, "t")) {
        assertThat(r.code()).isEqualTo(202);
      }
    }
    assertThat(arm.rotations).hasValue(0);
    try (Response r = call("GET", location, "t")) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("{\"value\":1}");
    }
    try (Response again = call("GET", location, "t")) {
      assertThat(again.body().string()).isEqualTo("{\"value\":1}");
    }
    assertThat(arm.rotations).hasValue(1);
  }

  @Test
  void asyncOperationPlanReportsStatusThenResultAtLocation() throws IOException {
    arm.faults().planNextOperation(AsyncPlan.asyncOperation(1));
    HttpUrl status;
    HttpUrl location;
    try (Response r = call("POST", rotateUrl(), "t")) {
      status = HttpUrl.get(r.header("Azure-AsyncOperation"));
      location = HttpUrl.get(r.header("Location"));
    }
    try (Response r = call("GET", status, "t")) {
      assertThat(r.body().string()).isEqualTo("{\"status\":\"InProgress\"}");
    }
    try (Response r = call("GET", status, "t")) {
      assertThat(r.body().string()).isEqualTo("{\"status\":\"Succeeded\"}");
    }
    try (Response r = call("GET", location, "t")) {
      assertThat(r.body().string()).isEqualTo("{\"value\":1}");
    }
  }

  @Test
  void failedPlanReportsFailedAndLeavesStateAlone() throws IOException {
    arm.faults().planNextOperation(AsyncPlan.asyncOperation(0).endingAs(AsyncPlan.Outcome.FAILED));
    HttpUrl status;
    try (Response r = call("POST", rotateUrl(), "t")) {
      status = HttpUrl.get(r.header("Azure-AsyncOperation"));
    }
    try (Response r = call("GET", status, "t")) {
      String body = r.body().string();
      assertThat(body).contains("\"status\":\"Failed\"").contains("\"code\":\"OperationFailed\"");
    }
    assertThat(arm.rotations).hasValue(0);
  }

  @Test
  void hangingPlanNeverEnds() throws IOException {
    arm.faults().planNextOperation(AsyncPlan.location(0).endingAs(AsyncPlan.Outcome.HANGS));
    HttpUrl location;
    try (Response r = call("POST", rotateUrl(), "t")) {
      location = HttpUrl.get(r.header("Location"));
    }
    for (int i = 0; i < 5; i++) {
      try (Response r = call("GET", location, "t")) {
        assertThat(r.code()).isEqualTo(202);
      }
    }
    assertThat(arm.rotations).hasValue(0);
  }

  @Test
  void canceledOperationReportsCanceled() throws IOException {
    arm.faults().cancelNextOperation();
    HttpUrl status;
    try (Response r = call("POST", rotateUrl(), "t")) {
      assertThat(r.code()).isEqualTo(202);
      status = HttpUrl.get(r.header("Azure-AsyncOperation"));
    }
    call("GET", status, "t").close();
    try (Response r = call("GET", status, "t")) {
      assertThat(r.body().string()).contains("\"status\":\"Canceled\"");
    }
    assertThat(arm.rotations).hasValue(0);
  }

  @Test
  void lostOperationAnswers404OnEveryStatusUrl() throws IOException {
    arm.faults().loseNextOperation();
    HttpUrl status;
    HttpUrl location;
    try (Response r = call("POST", rotateUrl(), "t")) {
      assertThat(r.code()).isEqualTo(202);
      status = HttpUrl.get(r.header("Azure-AsyncOperation"));
      location = HttpUrl.get(r.header("Location"));
    }
    try (Response s = call("GET", status, "t");
        Response l = call("GET", location, "t")) {
      assertThat(s.code()).isEqualTo(404);
      assertThat(l.code()).isEqualTo(404);
    }
    assertThat(arm.rotations).hasValue(0);
  }

  @Test
  void failAndHangShortcutsPlanTheNextOperation() throws IOException {
    arm.faults().failNextOperation().hangNextOperation();
    try (Response r = call("POST", rotateUrl(), "t")) {
      HttpUrl status = HttpUrl.get(r.header("Azure-AsyncOperation"));
      call("GET", status, "t").close();
      assertThat(call("GET", status, "t").body().string()).contains("\"status\":\"Failed\"");
    }
    try (Response r = call("POST", rotateUrl(), "t")) {
      HttpUrl status = HttpUrl.get(r.header("Azure-AsyncOperation"));
      for (int i = 0; i < 3; i++) {
        assertThat(call("GET", status, "t").body().string()).contains("InProgress");
      }
    }
    assertThat(arm.rotations).hasValue(0);
  }
}
