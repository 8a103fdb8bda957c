package dev.rekey.reliability;

import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.TransportException;
import dev.rekey.core.test.FakeTime;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.Faults;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the fault matrix: how to inject the fault into an emulator, and what a rotation call
 * must end with under the retry rules (RetryDecision): a rotation POST is sent again only when the
 * server said it did not process it (429, or 503 with a wait); any other failure after the request
 * left ends in {@link OutcomeUnknownException} after exactly one rotation request.
 */
enum FaultCase {
  THROTTLED_SECONDS("429 + Retry-After: 2 (seconds)", ok(2, Duration.ofSeconds(2))),
  THROTTLED_HTTP_DATE("429 + Retry-After: HTTP date (+3 s)", ok(2, Duration.ofSeconds(3))),
  THROTTLED_RETRY_AFTER_MS("429 + retry-after-ms: 1500", ok(2, Duration.ofMillis(1500))),
  THROTTLED_X_MS_RETRY_AFTER_MS("429 + x-ms-retry-after-ms: 1500", ok(2, Duration.ofMillis(1500))),
  STATUS_500("500", unknown(0)),
  STATUS_502("502", unknown(0)),
  STATUS_503("503 without Retry-After", unknown(0)),
  STATUS_503_RETRY_AFTER("503 + Retry-After: 1", ok(2, Duration.ofSeconds(1))),
  STATUS_504("504", unknown(0)),
  CONNECTION_REFUSED("connection refused", new Expect(TransportException.class, 0, 0, List.of())),
  DROPPED_BEFORE_RESPONSE("connection dropped before any response byte", unknown(0)),
  CUT_OFF_MID_BODY("response cut off mid-body", unknown(1)),
  READ_TIMEOUT("read timeout (300 ms)", unknown(1)),
  PROXY_HTML_PAGE("proxy HTML error page (502 text/html)", unknown(0)),
  TRUNCATED_BODY("truncated JSON/XML body (200)", new Expect(CredentialNotReturnedException.class, 1, 1, List.of())),
  WRONG_CONTENT_TYPE("wrong content type (text/html, real body)", ok(1, null)),
  OVERSIZED_BODY("oversized body (> maxResponseBytes)", unknown(1)),
  OPERATION_FAILED("202, operation ends Failed", new Expect(OperationFailedException.class, 1, 0, List.of())),
  OPERATION_CANCELED("202, operation ends Canceled", new Expect(OperationFailedException.class, 1, 0, List.of())),
  OPERATION_HANGS("202, operation never ends (deadline)", new Expect(PollingTimeoutException.class, 1, 0, List.of())),
  OPERATION_STATUS_404("202, status endpoint answers 404", unknown(0)),
  UNAUTHORIZED_ONCE("401 once, then success (fresh token)", ok(2, null)),
  FINAL_ANSWER_WITH_STATUS_HEADERS("200 that also carries Azure-AsyncOperation and Location", ok(1, null)),
  SUCCEEDED_WITHOUT_RESULT("202 with only Azure-AsyncOperation, Succeeded without the result",
      new Expect(CredentialNotReturnedException.class, 1, 1, List.of())),
  STATUS_BODY_MALFORMED("202, status answer malformed", unknown(0)),
  LOCATION_404("202 with only Location, Location answers 404", unknown(0)),
  POLL_OVERSIZED("202, oversized status answer (> maxResponseBytes)", unknown(0));

  /**
   * The promised outcome: {@code error} null for success; {@code attempts} rotation requests
   * received; {@code applied} rotations applied by the service; {@code waits} the waits recorded.
   */
  record Expect(Class<? extends Exception> error, int attempts, int applied, List<Duration> waits) {}

  final String title;
  final Expect expect;

  FaultCase(String title, Expect expect) {
    this.title = title;
    this.expect = expect;
  }

  /** Returns why this fault does not apply to {@code target}, or empty when it does. */
  Optional<String> notApplicable(Target target) {
    boolean passwordLogin = target == Target.ONTAP;
    if (this == OPERATION_CANCELED && (target == Target.CLASSIC_STORAGE || target == Target.ONTAP)) {
      return Optional.of("the service has no Canceled state");
    }
    if (this == UNAUTHORIZED_ONCE && passwordLogin) {
      return Optional.of("basic auth: no token to refresh");
    }
    boolean arm = target != Target.CLASSIC_STORAGE && target != Target.ONTAP;
    if (this == FINAL_ANSWER_WITH_STATUS_HEADERS && target == Target.ONTAP) {
      return Optional.of("ARM's status headers mean nothing to ONTAP");
    }
    if ((this == SUCCEEDED_WITHOUT_RESULT || this == LOCATION_404) && !arm) {
      return Optional.of("no Azure-AsyncOperation or Location: the result is read by a follow-up request, and the lost"
          + " status endpoint is the 404 row");
    }
    return Optional.empty();
  }

  /** Returns the outcome {@code target} is promised under this fault. */
  Expect expectFor(Target target) {
    if (this == TRUNCATED_BODY && target == Target.ONTAP) {
      return ok(1, null); // a 201 password change carries no result to read
    }
    return expect;
  }

  /**
   * Injects the fault into the rotation requests ({@code rotations}) or status requests ({@code
   * polls}) of {@code faults}; {@code time} is the client's clock.
   */
  void inject(Faults faults, Faults.Scoped rotations, Faults.Scoped polls, FakeTime time) {
    switch (this) {
      case THROTTLED_SECONDS -> rotations.throttle(1, Duration.ofSeconds(2));
      case THROTTLED_HTTP_DATE -> rotations.respond(1, 429, Map.of("Retry-After",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(time.now().plusSeconds(3).atOffset(ZoneOffset.UTC))));
      case THROTTLED_RETRY_AFTER_MS -> rotations.respond(1, 429, Map.of("retry-after-ms", "1500"));
      case THROTTLED_X_MS_RETRY_AFTER_MS -> rotations.respond(1, 429, Map.of("x-ms-retry-after-ms", "1500"));
      case STATUS_500 -> rotations.fail(1, 500);
      case STATUS_502 -> rotations.fail(1, 502);
      case STATUS_503 -> rotations.fail(1, 503);
      case STATUS_503_RETRY_AFTER -> rotations.fail(1, 503, Duration.ofSeconds(1));
      case STATUS_504 -> rotations.fail(1, 504);
      case CONNECTION_REFUSED -> { } // the client is pointed at a closed port
      case DROPPED_BEFORE_RESPONSE -> rotations.dropBeforeProcessing(1);
      case CUT_OFF_MID_BODY -> rotations.cutOffMidBody(1);
      case READ_TIMEOUT -> rotations.delay(1, Duration.ofSeconds(2));
      case PROXY_HTML_PAGE -> rotations.answerInstead(1, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
      case TRUNCATED_BODY -> rotations.truncateBody(1);
      case WRONG_CONTENT_TYPE -> rotations.wrongContentType(1, "text/html");
      case OVERSIZED_BODY -> rotations.oversizedBody(1, 8 * 1024);
      case OPERATION_FAILED -> faults.failNextOperation();
      case OPERATION_CANCELED -> faults.cancelNextOperation();
      case OPERATION_HANGS -> faults.hangNextOperation();
      case OPERATION_STATUS_404 -> faults.loseNextOperation();
      case UNAUTHORIZED_ONCE -> rotations.unauthorized(1);
      case FINAL_ANSWER_WITH_STATUS_HEADERS -> rotations.addHeaders(1, Map.of(
          "Azure-AsyncOperation", "/rekey-emulator/operations/never-polled?api-version=emulator",
          "Location", "/rekey-emulator/operations/never-polled?api-version=emulator"));
      case SUCCEEDED_WITHOUT_RESULT -> faults.planNextOperation(
          new AsyncPlan(AsyncPlan.Style.ASYNC_OPERATION_ONLY, 1, AsyncPlan.Outcome.SUCCEEDED));
      case STATUS_BODY_MALFORMED -> {
        faults.planNextOperation(AsyncPlan.asyncOperation(1));
        polls.truncateBody(1);
      }
      case LOCATION_404 -> faults.planNextOperation(
          new AsyncPlan(AsyncPlan.Style.LOCATION, 0, AsyncPlan.Outcome.NOT_FOUND));
      case POLL_OVERSIZED -> {
        faults.planNextOperation(AsyncPlan.asyncOperation(1));
        polls.oversizedBody(1, 8 * 1024);
      }
    }
  }

  private static Expect ok(int attempts, Duration wait) {
    return new Expect(null, attempts, 1, wait == null ? List.of() : List.of(wait));
  }

  private static Expect unknown(int applied) {
    return new Expect(OutcomeUnknownException.class, 1, applied, List.of());
  }
}
