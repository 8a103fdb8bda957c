package dev.rekey.reliability;

import dev.rekey.testkit.Faults;
import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The faults the soak draws from, at random, before each rotation: every kind the emulators' shared
 * {@link Faults} API offers, on the rotation request itself (scoped to the caller's own resource
 * where its path names it) or on the next long-running operation of the emulator. {@link #NONE} is
 * drawn as often as all faults together, so most calls also succeed.
 */
enum SoakFault {
  NONE,
  THROTTLED,
  STATUS_500,
  STATUS_502,
  STATUS_503,
  STATUS_503_RETRY_AFTER,
  STATUS_504,
  UNAUTHORIZED,
  DROPPED_BEFORE_PROCESSING,
  DROPPED_AFTER_PROCESSING,
  CUT_OFF_MID_BODY,
  READ_TIMEOUT,
  PROXY_HTML_PAGE,
  TRUNCATED_BODY,
  WRONG_CONTENT_TYPE,
  OVERSIZED_BODY,
  OPERATION_SUCCEEDS_LATER,
  OPERATION_FAILS,
  OPERATION_CANCELED,
  OPERATION_HANGS,
  OPERATION_LOST;

  /** The client's read timeout; {@link #READ_TIMEOUT} answers later than this. */
  static final Duration READ_TIMEOUT_LIMIT = Duration.ofMillis(300);

  /** The client's response cap; {@link #OVERSIZED_BODY} sends more than this. */
  static final int MAX_RESPONSE_BYTES = 16 * 1024;

  /**
   * Draws a fault: none half of the time, else any fault alike (a hanging operation more rarely).
   */
  static SoakFault draw(RandomGenerator random) {
    if (random.nextBoolean()) {
      return NONE;
    }
    SoakFault f = values()[1 + random.nextInt(values().length - 1)];
    return f == OPERATION_HANGS && random.nextInt(4) != 0 ? NONE : f;
  }

  /** Adds this fault for the next matching rotation request, or the emulator's next operation. */
  void inject(Faults faults, Faults.Scoped rotation) {
    switch (this) {
      case NONE -> {}
      case THROTTLED -> rotation.respond(1, 429, Map.of("retry-after-ms", "20"));
      case STATUS_500 -> rotation.fail(1, 500);
      case STATUS_502 -> rotation.fail(1, 502);
      case STATUS_503 -> rotation.fail(1, 503);
      case STATUS_503_RETRY_AFTER -> rotation.fail(1, 503, Duration.ofSeconds(1));
      case STATUS_504 -> rotation.fail(1, 504);
      case UNAUTHORIZED -> rotation.unauthorized(1);
      case DROPPED_BEFORE_PROCESSING -> rotation.dropBeforeProcessing(1);
      case DROPPED_AFTER_PROCESSING -> rotation.dropAfterProcessing(1);
      case CUT_OFF_MID_BODY -> rotation.cutOffMidBody(1);
      case READ_TIMEOUT -> rotation.delay(1, READ_TIMEOUT_LIMIT.multipliedBy(2));
      case PROXY_HTML_PAGE ->
          rotation.answerInstead(1, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
      case TRUNCATED_BODY -> rotation.truncateBody(1);
      case WRONG_CONTENT_TYPE -> rotation.wrongContentType(1, "text/html");
      case OVERSIZED_BODY -> rotation.oversizedBody(1, MAX_RESPONSE_BYTES * 2);
      case OPERATION_SUCCEEDS_LATER ->
          faults.planNextOperation(2, dev.rekey.testkit.AsyncPlan.Outcome.SUCCEEDED);
      case OPERATION_FAILS -> faults.failNextOperation();
      case OPERATION_CANCELED -> faults.cancelNextOperation();
      case OPERATION_HANGS -> faults.hangNextOperation();
      case OPERATION_LOST -> faults.loseNextOperation();
    }
  }
}
