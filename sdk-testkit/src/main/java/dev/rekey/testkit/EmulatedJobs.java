package dev.rekey.testkit;

import dev.rekey.testkit.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

/** ONTAP's asynchronous jobs as the {@link OntapEmulator} runs them. */
final class EmulatedJobs {
  /** The fields of a job record on every release since 9.6. */
  private static final Set<String> FIELDS =
      Set.of("uuid", "description", "state", "message", "code", "start_time", "end_time", "_links");

  private EmulatedJobs() {}

  /**
   * One job; it runs on its own, so the change it carries is applied as soon as it succeeds, before
   * the poll that sees it succeed is even authenticated (an own-password change then refuses the
   * old password on that poll, as ONTAP does).
   */
  static final class Job {
    private final String uuid = UUID.randomUUID().toString();
    private final PlannedOperation<Void> run;
    private boolean running = true;

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

    /**
     * Runs the job up to a poll that just arrived: it counts one look and, once the planned looks
     * are over, ends; a job that succeeds applies its change then.
     */
    synchronized void advance() {
      running = run.stillRunning();
      if (!running && run.outcome() == AsyncPlan.Outcome.SUCCEEDED) {
        run.applyOnce();
      }
    }

    /** Answers a poll; {@code errorField}: the release's job record has {@code error} (9.9+). */
    synchronized MockResponse poll(boolean errorField) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("uuid", uuid);
      if (running) {
        body.put("state", "running");
        body.put("message", "Changing password");
        body.put("code", 0);
      } else if (run.outcome() == AsyncPlan.Outcome.SUCCEEDED) {
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
        if (errorField) {
          body.put("error", Map.of("code", "7077800", "message", "The emulated job failed"));
        }
      }
      return json(200, Json.write(body));
    }
  }

  /**
   * Returns the first field {@code fields} (a poll's {@code fields} query, may be null) names that
   * a job record does not have, or null when all are known; {@code error} is known only with {@code
   * errorField}. {@code *} and {@code **} ask for every field.
   */
  static @Nullable String unknownField(@Nullable String fields, boolean errorField) {
    if (fields == null) {
      return null;
    }
    for (String field : fields.split(",", -1)) {
      String name = field.trim();
      String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      boolean known =
          name.equals("*")
              || name.equals("**")
              || FIELDS.contains(top)
              || (errorField && top.equals("error"));
      if (!known) {
        return name;
      }
    }
    return null;
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/hal+json")
        .body(body)
        .build();
  }
}
