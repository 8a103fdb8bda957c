package dev.rekey.reliability;

import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.PollingTimeoutException;
import dev.rekey.core.ServiceException;
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
  TRUNCATED_BODY(
      "truncated JSON/XML body (200)",
      new Expect(CredentialNotReturnedException.class, 1, 1, List.of())),
  WRONG_CONTENT_TYPE("wrong content type (text/html, real body)", ok(1, null)),
  OVERSIZED_BODY("oversized body (> maxResponseBytes)", unknown(1)),
  OPERATION_FAILED(
      "202, operation ends Failed", new Expect(OperationFailedException.class, 1, 0, List.of())),
  OPERATION_CANCELED(
      "202, operation ends Canceled", new Expect(OperationFailedException.class, 1, 0, List.of())),
  OPERATION_HANGS(
      "202, operation never ends (deadline)",
      new Expect(PollingTimeoutException.class, 1, 0, List.of())),
  OPERATION_STATUS_404("202, status endpoint answers 404", unknown(0)),
  UNAUTHORIZED_ONCE("401 once, then success (fresh token)", ok(2, null)),
  // 250 ms: RetryPolicy's default floor (minDelay) before re-sending a 429 or 503.
  THROTTLED_ZERO("429 + Retry-After: 0 (waits the 250 ms floor)", ok(2, Duration.ofMillis(250))),
  STATUS_503_RETRY_AFTER_ZERO(
      "503 + Retry-After: 0 (waits the 250 ms floor)", ok(2, Duration.ofMillis(250))),
  REDIRECT_301("301 to another path (POST would become GET)", notSentOn()),
  REDIRECT_302("302 to another path (POST would become GET)", notSentOn()),
  REDIRECT_303("303 See Other (processed, result elsewhere)", unknown(0)),
  REDIRECT_307("307 to the same URL (method and body kept)", ok(2, null)),
  REDIRECT_308("308 to the same URL (method and body kept)", ok(2, null)),
  REDIRECT_ELSEWHERE("307 to another origin", notSentOn()),
  CONFIRMED_LOST_AFTER_CHANGE(
      "confirmOutcome: answer lost after the change, re-send refused 7077925", ok(2, null)),
  CONFIRMED_RESEND_401("confirmOutcome: answer lost after the change, re-send 401", ok(2, null)),
  CONFIRMED_RESEND_UNREADABLE_400(
      "confirmOutcome: answer lost after the change, re-send unreadable 400", ok(2, null)),
  CONFIRMED_TWO_502(
      "confirmOutcome: 502, re-send 502",
      new Expect(OutcomeUnknownException.class, 2, 0, List.of())),
  FINAL_ANSWER_WITH_STATUS_HEADERS(
      "200 that also carries Azure-AsyncOperation and Location", ok(1, null)),
  SUCCEEDED_WITHOUT_RESULT(
      "202 with only Azure-AsyncOperation, Succeeded without the result",
      new Expect(CredentialNotReturnedException.class, 1, 1, List.of())),
  STATUS_BODY_MALFORMED("202, status answer malformed", unknown(0)),
  LOCATION_404("202 with only Location, Location answers 404", unknown(0)),
  POLL_OVERSIZED("202, oversized status answer (> maxResponseBytes)", unknown(0));

  /**
   * The promised outcome: {@code error} null for success; {@code attempts} rotation requests
   * received; {@code applied} rotations applied by the service; {@code waits} the waits recorded.
   */
  record Expect(
      Class<? extends Exception> error, int attempts, int applied, List<Duration> waits) {}

  final String title;
  final Expect expect;

  FaultCase(String title, Expect expect) {
    this.title = title;
    this.expect = expect;
  }

  /**
   * Returns whether the rotation asks to confirm a lost answer (ONTAP's {@code confirmOutcome}).
   */
  boolean confirms() {
    return name().startsWith("CONFIRMED_");
  }

  /** Returns why this fault does not apply to {@code target}, or empty when it does. */
  Optional<String> notApplicable(Target target) {
    boolean passwordLogin = target == Target.ONTAP;
    if (confirms() && !passwordLogin) {
      return Optional.of("no confirmOutcome: a lost answer is OutcomeUnknown at once (rows above)");
    }
    if (this == OPERATION_CANCELED
        && (target == Target.CLASSIC_STORAGE || target == Target.ONTAP)) {
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
      return Optional.of(
          "no Azure-AsyncOperation or Location: the result is read by a follow-up request, and the lost"
              + " status endpoint is the 404 row");
    }
    return Optional.empty();
  }

  /** Returns the outcome {@code target} is promised under this fault. */
  Expect expectFor(Target target) {
    if (this == TRUNCATED_BODY && target == Target.ONTAP) {
      return ok(1, null); // a 201 password change carries no result to read
    }
    if (this == REDIRECT_308 && target == Target.CLASSIC_STORAGE) {
      return notSentOn(); // the classic API documents 307 TemporaryRedirect only; Rekey follows
      // just that
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
      case THROTTLED_HTTP_DATE ->
          rotations.respond(
              1,
              429,
              Map.of(
                  "Retry-After",
                  DateTimeFormatter.RFC_1123_DATE_TIME.format(
                      time.now().plusSeconds(3).atOffset(ZoneOffset.UTC))));
      case THROTTLED_RETRY_AFTER_MS -> rotations.respond(1, 429, Map.of("retry-after-ms", "1500"));
      case THROTTLED_X_MS_RETRY_AFTER_MS ->
          rotations.respond(1, 429, Map.of("x-ms-retry-after-ms", "1500"));
      case STATUS_500 -> rotations.fail(1, 500);
      case STATUS_502 -> rotations.fail(1, 502);
      case STATUS_503 -> rotations.fail(1, 503);
      case STATUS_503_RETRY_AFTER -> rotations.fail(1, 503, Duration.ofSeconds(1));
      case STATUS_504 -> rotations.fail(1, 504);
      case CONNECTION_REFUSED -> {} // the client is pointed at a closed port
      case DROPPED_BEFORE_RESPONSE -> rotations.dropBeforeProcessing(1);
      case CUT_OFF_MID_BODY -> rotations.cutOffMidBody(1);
      case READ_TIMEOUT -> rotations.delay(1, Duration.ofSeconds(2));
      case PROXY_HTML_PAGE ->
          rotations.answerInstead(
              1, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
      case TRUNCATED_BODY -> rotations.truncateBody(1);
      case WRONG_CONTENT_TYPE -> rotations.wrongContentType(1, "text/html");
      case OVERSIZED_BODY -> rotations.oversizedBody(1, 8 * 1024);
      case OPERATION_FAILED -> faults.failNextOperation();
      case OPERATION_CANCELED -> faults.cancelNextOperation();
      case OPERATION_HANGS -> faults.hangNextOperation();
      case OPERATION_STATUS_404 -> faults.loseNextOperation();
      case UNAUTHORIZED_ONCE -> rotations.unauthorized(1);
      case THROTTLED_ZERO -> rotations.throttle(1, Duration.ZERO);
      case STATUS_503_RETRY_AFTER_ZERO -> rotations.fail(1, 503, Duration.ZERO);
      case REDIRECT_301 -> rotations.respond(1, 301, Map.of("Location", "/elsewhere"));
      case REDIRECT_302 -> rotations.respond(1, 302, Map.of("Location", "/elsewhere"));
      case REDIRECT_303 -> rotations.respond(1, 303, Map.of("Location", "/elsewhere"));
      // An empty reference resolves to the request's own URL, path and query included (RFC 3986
      // 5.2).
      case REDIRECT_307 -> rotations.respond(1, 307, Map.of("Location", ""));
      case REDIRECT_308 -> rotations.respond(1, 308, Map.of("Location", ""));
      case REDIRECT_ELSEWHERE ->
          rotations.respond(1, 307, Map.of("Location", "https://elsewhere.invalid/"));
      case CONFIRMED_LOST_AFTER_CHANGE -> rotations.dropAfterProcessing(1);
      case CONFIRMED_RESEND_401 -> rotations.dropAfterProcessing(1).unauthorized(1);
      case CONFIRMED_RESEND_UNREADABLE_400 ->
          rotations
              .dropAfterProcessing(1)
              .answerInstead(1, 400, "text/html", "<html><body>Bad Request</body></html>");
      case CONFIRMED_TWO_502 -> rotations.fail(2, 502);
      case FINAL_ANSWER_WITH_STATUS_HEADERS ->
          rotations.addHeaders(
              1,
              Map.of(
                  "Azure-AsyncOperation",
                      "/rekey-emulator/operations/never-polled?api-version=emulator",
                  "Location", "/rekey-emulator/operations/never-polled?api-version=emulator"));
      case SUCCEEDED_WITHOUT_RESULT ->
          faults.planNextOperation(
              new AsyncPlan(AsyncPlan.Style.ASYNC_OPERATION_ONLY, 1, AsyncPlan.Outcome.SUCCEEDED));
      case STATUS_BODY_MALFORMED -> {
        faults.planNextOperation(AsyncPlan.asyncOperation(1));
        polls.truncateBody(1);
      }
      case LOCATION_404 ->
          faults.planNextOperation(
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

  /**
   * A redirect not followed: the service's own exception with the 3xx status, one request, nothing
   * applied.
   */
  private static Expect notSentOn() {
    return new Expect(ServiceException.class, 1, 0, List.of());
  }

  /** Returns the redirect status this fault answers, or 0 when it is no redirect. */
  int redirectStatus() {
    return switch (this) {
      case REDIRECT_301 -> 301;
      case REDIRECT_302 -> 302;
      case REDIRECT_303 -> 303;
      case REDIRECT_307, REDIRECT_ELSEWHERE -> 307;
      case REDIRECT_308 -> 308;
      default -> 0;
    };
  }

  private static Expect unknown(int applied) {
    return new Expect(OutcomeUnknownException.class, 1, applied, List.of());
  }
}
