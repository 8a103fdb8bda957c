package dev.rekey.testkit;

import dev.rekey.testkit.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;

/** ONTAP's asynchronous jobs as the {@link OntapEmulator} runs them. */
final class EmulatedJobs {
  private EmulatedJobs() {}

  /** One job; the change it carries is applied when the job succeeds. */
  static final class Job {
    private final String uuid = UUID.randomUUID().toString();
    private final PlannedOperation<Void> run;

    Job(AsyncPlan plan, Runnable change) {
      this.run =
          new PlannedOperation<>(
              plan.polls(),
              plan.outcome(),
              () -> {
                change.run();
                return null;
              });
    }

    String uuid() {
      return uuid;
    }

    MockResponse accepted() {
      Map<String, Object> job =
          Map.of(
              "uuid", uuid, "_links", Map.of("self", Map.of("href", "/api/cluster/jobs/" + uuid)));
      return json(202, Json.write(Map.of("job", job)));
    }

    MockResponse poll() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("uuid", uuid);
      if (run.stillRunning()) {
        body.put("state", "running");
        body.put("message", "Changing password");
        body.put("code", 0);
      } else if (run.outcome() == AsyncPlan.Outcome.SUCCEEDED) {
        run.applyOnce();
        body.put("state", "success");
        body.put("message", "success");
        body.put("code", 0);
      } else {
        body.put("state", "failure");
        body.put(
            "message",
            "The emulated job "
                + (run.outcome() == AsyncPlan.Outcome.FAILED ? "failed" : "was canceled"));
        body.put("code", 7077800);
        body.put("error", Map.of("code", "7077800", "message", "The emulated job failed"));
      }
      return json(200, Json.write(body));
    }
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/hal+json")
        .body(body)
        .build();
  }
}
