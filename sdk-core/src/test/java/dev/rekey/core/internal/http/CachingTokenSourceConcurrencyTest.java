package dev.rekey.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import dev.rekey.core.TimeSource;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.test.Eventually;
import dev.rekey.core.test.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lesson 9 of the incumbent: no caller waits while a valid token is cached, and a refresh happens
 * once however many callers need it.
 */
class CachingTokenSourceConcurrencyTest {
  private static final Duration MARGIN = Duration.ofMinutes(5);
  private static final long GENEROUS_SECONDS = 10; // liveness bound only, never a speed assertion

  private final FakeTime time = new FakeTime();
  private final ExecutorService threads = Executors.newFixedThreadPool(8);
  private final AtomicInteger fetches = new AtomicInteger();
  private final CountDownLatch fetchEntered = new CountDownLatch(1);
  private final CountDownLatch releaseFetch = new CountDownLatch(1);

  @AfterEach
  void tearDown() {
    releaseFetch.countDown();
    threads.shutdownNow();
  }

  private AccessToken slowFetch() {
    int n = fetches.incrementAndGet();
    fetchEntered.countDown();
    try {
      releaseFetch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new AccessToken(Secret.of("slow-" + n), time.now().plus(Duration.ofHours(1)));
  }

  private List<CompletableFuture<AccessToken>> eightCallers(CachingTokenSource tokens) {
    List<CompletableFuture<AccessToken>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      results.add(CompletableFuture.supplyAsync(tokens::token, threads));
    }
    return results;
  }

  @Test
  void callersKeepUsingStillValidTokenWhileOneRefreshes() throws Exception {
    AccessToken old = new AccessToken(Secret.of("old"), time.now().plus(Duration.ofMinutes(10)));
    AtomicInteger calls = new AtomicInteger();
    CachingTokenSource tokens =
        new CachingTokenSource(
            () -> calls.getAndIncrement() == 0 ? old : slowFetch(), MARGIN, time);
    assertThat(tokens.token()).isSameAs(old);
    time.advance(Duration.ofMinutes(6)); // 4 min left: inside the refresh margin, still valid

    List<CompletableFuture<AccessToken>> results = eightCallers(tokens);
    assertThat(fetchEntered.await(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();

    // The refresh is still blocked; the seven other callers must answer with the old token anyway.
    awaitDone(results, 7);
    assertThat(results.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join))
        .hasSize(7)
        .allSatisfy(t -> assertThat(t).isSameAs(old));
    assertThat(results).filteredOn(r -> !r.isDone()).hasSize(1);

    releaseFetch.countDown();
    List<String> all = new ArrayList<>();
    for (CompletableFuture<AccessToken> r : results) {
      all.add(r.get(GENEROUS_SECONDS, TimeUnit.SECONDS).token().reveal());
    }
    assertThat(all)
        .containsExactlyInAnyOrder("old", "old", "old", "old", "old", "old", "old", "slow-1");
    assertThat(fetches).hasValue(1);
    assertThat(tokens.token().token().reveal()).isEqualTo("slow-1");
  }

  @Test
  void withoutTokenAllCallersWaitForOneFetch() throws Exception {
    CachingTokenSource tokens = new CachingTokenSource(this::slowFetch, MARGIN, time);

    List<CompletableFuture<AccessToken>> results = eightCallers(tokens);
    assertThat(fetchEntered.await(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();
    awaitWaitingThreads(7);
    assertThat(results).noneMatch(CompletableFuture::isDone);

    releaseFetch.countDown();
    for (CompletableFuture<AccessToken> r : results) {
      assertThat(r.get(GENEROUS_SECONDS, TimeUnit.SECONDS).token().reveal()).isEqualTo("slow-1");
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void callersWaitingOnAFetchThatThrowsAnErrorFailInsteadOfHanging() throws Exception {
    // e.g. a NoClassDefFoundError from a dependency clash inside the identity library
    CachingTokenSource tokens =
        new CachingTokenSource(
            () -> {
              slowFetch();
              throw new NoClassDefFoundError("com/example/Missing");
            },
            MARGIN,
            time);

    List<CompletableFuture<AccessToken>> results = eightCallers(tokens);
    assertThat(fetchEntered.await(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();
    awaitWaitingThreads(7);

    releaseFetch.countDown();
    for (CompletableFuture<AccessToken> r : results) {
      assertThatThrownBy(() -> r.get(GENEROUS_SECONDS, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseInstanceOf(NoClassDefFoundError.class);
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void callerThatSawNoTokenDoesNotFetchAgainAfterAnotherCallerFinished() throws Exception {
    // The late caller reads "no token", then stalls (in the clock) while another caller fetches and
    // finishes; it must then use that token, not start a second fetch.
    CountDownLatch lateCallerReadCache = new CountDownLatch(1);
    CountDownLatch letLateCallerGoOn = new CountDownLatch(1);
    TimeSource stallingClock =
        new TimeSource() {
          @Override
          public Instant now() {
            if (Thread.currentThread().getName().equals("late-caller")) {
              lateCallerReadCache.countDown();
              try {
                letLateCallerGoOn.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            return time.now();
          }

          @Override
          public void sleep(Duration duration) {
            time.sleep(duration);
          }

          @Override
          public CompletableFuture<Void> delay(Duration duration) {
            return time.delay(duration);
          }
        };
    CachingTokenSource tokens =
        new CachingTokenSource(
            () ->
                new AccessToken(
                    Secret.of("t-" + fetches.incrementAndGet()),
                    time.now().plus(Duration.ofHours(1))),
            MARGIN,
            stallingClock);

    CompletableFuture<AccessToken> late = new CompletableFuture<>();
    Thread lateCaller = new Thread(() -> late.complete(tokens.token()), "late-caller");
    lateCaller.setDaemon(true);
    lateCaller.start();
    assertThat(lateCallerReadCache.await(GENEROUS_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(tokens.token().token().reveal()).isEqualTo("t-1");
    letLateCallerGoOn.countDown();

    assertThat(late.get(GENEROUS_SECONDS, TimeUnit.SECONDS).token().reveal()).isEqualTo("t-1");
    assertThat(fetches).hasValue(1);
  }

  /** A cache whose source returns {@code old} once, then fails; {@code calls} counts fetches. */
  private CachingTokenSource downAfterFirstFetch(AccessToken old, AtomicInteger calls) {
    return new CachingTokenSource(
        () -> {
          if (calls.getAndIncrement() == 0) {
            return old;
          }
          throw new IllegalStateException("identity endpoint down");
        },
        MARGIN,
        time);
  }

  @Test
  void failedRefreshKeepsStillValidToken() {
    AccessToken old = new AccessToken(Secret.of("old"), time.now().plus(Duration.ofMinutes(10)));
    AtomicInteger calls = new AtomicInteger();
    CachingTokenSource tokens = downAfterFirstFetch(old, calls);
    tokens.token();
    time.advance(Duration.ofMinutes(6));

    assertThat(tokens.token()).isSameAs(old);
  }

  @Test
  void afterAFailedRefreshTheIdentityProviderIsLeftAloneForThirtySeconds() {
    AccessToken old = new AccessToken(Secret.of("old"), time.now().plus(Duration.ofMinutes(10)));
    AtomicInteger calls = new AtomicInteger();
    CachingTokenSource tokens = downAfterFirstFetch(old, calls);
    tokens.token();
    time.advance(Duration.ofMinutes(6)); // inside the refresh margin, still valid

    for (int i = 0; i < 5; i++) {
      assertThat(tokens.token()).isSameAs(old);
    }
    assertThat(calls).as("the first fetch and one failed refresh").hasValue(2);
    time.advance(Duration.ofSeconds(CachingTokenSource.QUIET_SECONDS));
    assertThat(tokens.token()).isSameAs(old);
    assertThat(calls).as("tried again once the quiet time passed").hasValue(3);
  }

  private static void awaitDone(List<CompletableFuture<AccessToken>> results, int expected) {
    Eventually.await(
        "callers with a valid token cached are not kept waiting",
        () -> results.stream().filter(CompletableFuture::isDone).count() >= expected);
  }

  private void awaitWaitingThreads(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GENEROUS_SECONDS);
    while (System.nanoTime() < deadline) {
      long waiting =
          Thread.getAllStackTraces().entrySet().stream()
              .filter(e -> e.getKey().getState() == Thread.State.WAITING)
              .filter(
                  e ->
                      List.of(e.getValue()).stream()
                          .anyMatch(
                              f -> f.getClassName().equals(CachingTokenSource.class.getName())))
              .count();
      if (waiting >= expected) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(expected + " callers never waited for the refresh");
  }
}
