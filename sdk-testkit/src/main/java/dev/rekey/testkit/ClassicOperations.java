package dev.rekey.testkit;

import dev.rekey.testkit.internal.AsmXml;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;

/** The classic Service Management asynchronous operations a {@link ClassicStorageEmulator} runs. */
final class ClassicOperations {
  private record Plan(int polls, AsyncPlan.Outcome outcome) {}

  private final Deque<Plan> plans = new ArrayDeque<>();
  private final Map<String, PlannedOperation<Void>> running = new ConcurrentHashMap<>();

  synchronized void plan(int polls, AsyncPlan.Outcome outcome) {
    plans.add(new Plan(polls, outcome));
  }

  synchronized void clear() {
    plans.clear();
    running.clear();
  }

  /** Starts an operation for {@code requestId} when one is planned; returns whether it did. */
  synchronized boolean startIfPlanned(String requestId, Runnable change) {
    Plan plan = plans.poll();
    if (plan == null) {
      return false;
    }
    running.put(
        requestId,
        new PlannedOperation<Void>(
            plan.polls(),
            plan.outcome(),
            () -> {
              change.run();
              return null;
            }));
    return true;
  }

  /** Returns the Get Operation Status answer for {@code requestId} (32 hex digits or a dashed GUID). */
  Optional<MockResponse> status(String requestId) {
    String id = requestId.replace("-", "").toLowerCase();
    return Optional.ofNullable(running.get(id)).map(op -> status(id, op));
  }

  private static MockResponse status(String id, PlannedOperation<Void> op) {
    String guid = id.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5");
    String inner;
    if (op.stillRunning()) {
      inner = "<ID>" + guid + "</ID><Status>InProgress</Status>";
    } else if (op.outcome() == AsyncPlan.Outcome.SUCCEEDED) {
      op.applyOnce();
      inner = "<ID>" + guid + "</ID><Status>Succeeded</Status><HttpStatusCode>200</HttpStatusCode>";
    } else {
      inner =
          "<ID>" + guid + "</ID><Status>Failed</Status><HttpStatusCode>500</HttpStatusCode>"
              + "<Error><Code>InternalError</Code><Message>The emulated operation failed.</Message></Error>";
    }
    return AsmXml.response(200, AsmXml.root("Operation", inner), AsmXml.newRequestId());
  }
}
