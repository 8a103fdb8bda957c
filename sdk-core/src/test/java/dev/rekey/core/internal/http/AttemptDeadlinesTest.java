package dev.rekey.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The shared watchdog cancels exactly the calls whose deadline passed, and ends when idle. */
class AttemptDeadlinesTest {
  private static final OkHttpClient HTTP = new OkHttpClient();

  private static Call call() {
    return HTTP.newCall(new Request.Builder().url("http://127.0.0.1:9/").build());
  }

  private static boolean watchdogAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name));
  }

  @Test
  void cancelsAnAttemptAtItsDeadlineAndNeverOneThatEnded() throws InterruptedException {
    AttemptDeadlines deadlines = new AttemptDeadlines("test-deadlines-1");
    Call late = call();
    Call ended = call();
    AttemptDeadlines.Attempt lateAttempt = deadlines.start(late, ms(200));
    AttemptDeadlines.Attempt endedAttempt = deadlines.start(ended, ms(200));
    endedAttempt.end();

    assertThat(within5s(late::isCanceled)).isTrue();
    assertThat(lateAttempt.expired()).isTrue();
    assertThat(ended.isCanceled()).isFalse();
    assertThat(endedAttempt.expired()).isFalse();
  }

  @Test
  void anEarlierDeadlineWakesAWatchdogSleepingForALaterOne() throws InterruptedException {
    AttemptDeadlines deadlines = new AttemptDeadlines("test-deadlines-2");
    Call slow = call();
    Call quick = call();
    AttemptDeadlines.Attempt slowAttempt = deadlines.start(slow, TimeUnit.MINUTES.toNanos(10));
    long start = System.nanoTime();
    deadlines.start(quick, ms(100));

    assertThat(within5s(quick::isCanceled)).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(slow.isCanceled()).isFalse();
    slowAttempt.end();
  }

  @Test
  void theWatchdogEndsWhenNothingIsInFlightAndComesBackForTheNext() throws InterruptedException {
    AttemptDeadlines deadlines = new AttemptDeadlines("test-deadlines-3");
    deadlines.start(call(), ms(50)).end();
    assertThat(watchdogAlive("test-deadlines-3")).isTrue();
    assertThat(within5s(() -> !watchdogAlive("test-deadlines-3"))).isTrue();

    Call next = call();
    deadlines.start(next, ms(50));
    assertThat(within5s(next::isCanceled)).isTrue();
  }

  /** Polls {@code condition} for up to 5 s; returns its last value. */
  private static boolean within5s(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }
}
