package dev.rekey.testkit;

import dev.rekey.testkit.internal.AsmXml;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;

/** The classic Service Management asynchronous operations a {@link ClassicStorageEmulator} runs. */
final class ClassicOperations {
  private final Map<String, PlannedOperation<Void>> running = new ConcurrentHashMap<>();

  void clear() {
    running.clear();
  }

  /**
   * Starts an operation of {@code subscriptionId} for {@code requestId} when {@code faults} plan
   * one; returns whether it did.
   */
  boolean startIfPlanned(Faults faults, String subscriptionId, String requestId, Runnable change) {
    AsyncPlan plan = faults.nextOperation().orElse(null);
    if (plan == null) {
      return false;
    }
    if (plan.outcome() == AsyncPlan.Outcome.NOT_FOUND) {
      return true; // its status endpoint answers 404
    }
    running.put(
        subscriptionId + "/" + requestId,
        new PlannedOperation<Void>(
            plan.polls(),
            plan.outcome(),
            () -> {
              change.run();
              return null;
            }));
    return true;
  }

  /**
   * Returns the Get Operation Status answer for {@code requestId} (32 hex digits or a dashed GUID)
   * of {@code subscriptionId}: another subscription's operation is not found.
   */
  Optional<MockResponse> status(String subscriptionId, String requestId) {
    String id = requestId.replace("-", "").toLowerCase(Locale.ROOT);
    return Optional.ofNullable(running.get(subscriptionId + "/" + id)).map(op -> status(id, op));
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
          "<ID>"
              + guid
              + "</ID><Status>Failed</Status><HttpStatusCode>500</HttpStatusCode>"
              + "<Error><Code>InternalError</Code><Message>The emulated operation failed.</Message></Error>";
    }
    return AsmXml.response(200, AsmXml.root("Operation", inner), AsmXml.newRequestId());
  }
}
