package dev.rekey.core.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * Cancels the OkHttp calls that outlive their attempt's deadline ({@code
 * ClientOptions.callTimeout}). One daemon thread for the whole JVM sleeps until the earliest
 * deadline it knows and is woken only by an attempt due before that; attempts of one client all
 * have the same timeout, so they arrive in deadline order and almost never wake it. The thread ends
 * when it wakes to no attempt in flight and starts again with the next one.
 *
 * <p>OkHttp's own {@code callTimeout} does the same through okio's watchdog, which every socket
 * read wakes while a call's longer deadline waits in its queue: measured at about a fifth of a
 * call's CPU on loopback (benchmarks/RESULTS.md, cut log).
 */
final class AttemptDeadlines {
  /** The one instance: a thread per client would cost a thread per client. */
  static final AttemptDeadlines SHARED = new AttemptDeadlines("rekey-attempt-deadlines");

  private final String threadName;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition earlierDeadline = lock.newCondition();
  private final Attempt running = new Attempt(null, 0); // sentinel of a circular list; guarded
  private boolean watching; // guarded by lock
  private long wakeAt; // System.nanoTime() the watchdog looks next, while watching; guarded

  AttemptDeadlines(String threadName) {
    this.threadName = threadName;
    running.prev = running;
    running.next = running;
  }

  /** One attempt being timed: {@link #end()} it once its answer is read or it failed. */
  static final class Attempt {
    private final @Nullable Call call; // null only in the list's sentinel
    private final long deadline;
    private Attempt prev; // guarded by the owner's lock
    private Attempt next; // null once ended or expired
    private volatile boolean expired;
    private AttemptDeadlines owner;

    private Attempt(@Nullable Call call, long deadline) {
      this.call = call;
      this.deadline = deadline;
    }

    /** Stops timing this attempt; its call is never cancelled afterwards. */
    void end() {
      owner.remove(this);
    }

    /** Returns whether the deadline passed first and the call was cancelled. */
    boolean expired() {
      return expired;
    }
  }

  /** Starts timing {@code call}, which is cancelled unless ended within {@code timeoutNanos}. */
  Attempt start(Call call, long timeoutNanos) {
    Attempt attempt = new Attempt(call, System.nanoTime() + timeoutNanos);
    attempt.owner = this;
    lock.lock();
    try {
      attempt.prev = running.prev;
      attempt.next = running;
      running.prev.next = attempt;
      running.prev = attempt;
      if (!watching) {
        watching = true;
        wakeAt = attempt.deadline;
        Thread watchdog = new Thread(this::watch, threadName);
        watchdog.setDaemon(true);
        watchdog.setContextClassLoader(null);
        watchdog.start();
      } else if (attempt.deadline - wakeAt < 0) {
        wakeAt = attempt.deadline;
        earlierDeadline.signal();
      }
    } finally {
      lock.unlock();
    }
    return attempt;
  }

  private void remove(Attempt attempt) {
    lock.lock();
    try {
      unlink(attempt);
    } finally {
      lock.unlock();
    }
  }

  private void unlink(Attempt attempt) {
    if (attempt.next != null) {
      attempt.prev.next = attempt.next;
      attempt.next.prev = attempt.prev;
      attempt.next = null;
      attempt.prev = null;
    }
  }

  private void watch() {
    List<Attempt> due = new ArrayList<>();
    while (true) {
      lock.lock();
      try {
        long wait = wakeAt - System.nanoTime();
        while (wait > 0) {
          wait = earlierDeadline.awaitNanos(wait);
          wait = wakeAt - System.nanoTime(); // an earlier deadline may have moved it
        }
        if (running.next == running) {
          watching = false;
          return;
        }
        long now = System.nanoTime();
        long next = now + TimeUnit.MINUTES.toNanos(1);
        for (Attempt a = running.next; a != running; ) {
          Attempt following = a.next;
          if (a.deadline - now <= 0) {
            unlink(a);
            a.expired = true;
            due.add(a);
          } else if (a.deadline - next < 0) {
            next = a.deadline;
          }
          a = following;
        }
        wakeAt = next;
      } catch (InterruptedException e) {
        // never interrupted by Rekey; keep timing what is in flight
      } finally {
        lock.unlock();
      }
      for (Attempt a : due) {
        Objects.requireNonNull(a.call).cancel(); // outside the lock: cancelling closes a socket
      }
      due.clear();
    }
  }
}
