package dev.rekey.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.poll.Operation;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A caller who stops waiting for a lost answer to be confirmed (an interrupt, or a cancelled
 * future) is told the outcome is unknown, and the check re-sends nothing afterwards: a new
 * credential that nobody waits for would be lost.
 */
class LostAnswerCheckSendsNothingForACallerWhoLeftTest {
  private static final long GENEROUS_SECONDS = 10; // liveness bound only, never a speed assertion

  /** Reads "k1" first; the read after the loss waits for the test; counts sends. */
  private static final class Probe implements LostAnswerProbe<String, String> {
    final CompletableFuture<String> readAfterLoss = new CompletableFuture<>();
    final CountDownLatch readingAfterLoss = new CountDownLatch(1);
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger sends = new AtomicInteger();

    @Override
    public String what() {
      return "test rotation";
    }

    @Override
    public CompletableFuture<String> read() {
      if (reads.incrementAndGet() == 1) {
        return CompletableFuture.completedFuture("k1");
      }
      readingAfterLoss.countDown();
      return readAfterLoss;
    }

    @Override
    public CompletableFuture<String> send() {
      sends.incrementAndGet();
      return CompletableFuture.failedFuture(lost());
    }

    @Override
    public boolean changed(String before, String after) {
      return !before.equals(after);
    }

    @Override
    public String applied(String after) {
      return after;
    }

    @Override
    public boolean stillHolds(String result, String after) {
      return result.equals(after);
    }

    @Override
    public String resent(String result) {
      return result;
    }
  }

  private static OutcomeUnknownException lost() {
    return new OutcomeUnknownException("answer lost", 1, new IOException("connection reset"));
  }

  @Test
  void interruptedWaitIsUnknownAndNothingIsResentAfterwards() throws Exception {
    Probe probe = new Probe();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                Operation<String> op =
                    LostAnswerCheck.begin(
                        probe,
                        () -> {
                          throw lost();
                        },
                        "op");
                thrown.complete(new AssertionError("returned " + op));
              } catch (Throwable t) {
                thrown.complete(t);
              }
            },
            "caller");
    caller.start();
    assertThat(probe.readingAfterLoss.await(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();

    caller.interrupt();
    assertThat(thrown.get(GENEROUS_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining("interrupted");

    probe.readAfterLoss.complete("k1"); // unchanged: the check would re-send for a waiting caller
    assertThat(probe.sends).hasValue(0);
  }

  @Test
  void cancelledAsyncCheckSendsNothingMore() {
    Probe probe = new Probe();
    CompletableFuture<String> check = LostAnswerCheck.runAsync(probe);
    assertThat(probe.reads).hasValue(2);
    assertThat(probe.sends).hasValue(1);

    assertThat(check.cancel(true)).isTrue();
    probe.readAfterLoss.complete("k1"); // unchanged: the check would re-send for a waiting caller
    assertThat(probe.sends).hasValue(1);
  }
}
