package dev.rekey.core.internal.http;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import okhttp3.Call;
import org.jspecify.annotations.Nullable;

/**
 * Per-attempt facts that ride on an OkHttp call ({@link #ridesOn}, found again by {@link #of}):
 * whether bodies may be logged, which attempt this is, whether any request byte has been written
 * yet, and what its answer holds until it is read: the per-host slot ({@link HostConcurrencyLimit})
 * and the attempt's deadline ({@link AttemptTimeLimit}).
 */
final class CallTag {
  /**
   * The attempts in flight by their OkHttp call. OkHttp's own request tags would do, but its typed
   * tag API maps classes to Kotlin's {@code KClass}, which loads about 40 Kotlin reflection classes
   * at a process's first call (~14 ms of a cold start, benchmarks/RESULTS.md).
   */
  private static final ConcurrentHashMap<Call, CallTag> BY_CALL = new ConcurrentHashMap<>();

  final boolean carriesSecrets;
  final int attempt;

  /** The most this attempt may take, in nanoseconds, whatever the call timeout; 0 for no limit. */
  final long limitNanos;

  private volatile boolean requestStarted;
  private volatile boolean handshakeStarted;
  private @Nullable Semaphore slot; // guarded by this
  private AttemptDeadlines.@Nullable Attempt deadline; // guarded by this
  private @Nullable Call call; // guarded by this

  CallTag(boolean carriesSecrets, int attempt) {
    this(carriesSecrets, attempt, 0);
  }

  CallTag(boolean carriesSecrets, int attempt, long limitNanos) {
    this.carriesSecrets = carriesSecrets;
    this.attempt = attempt;
    this.limitNanos = limitNanos;
  }

  /** Returns the tag of the attempt {@code call} sends, or null for a call Rekey did not make. */
  static @Nullable CallTag of(Call call) {
    return BY_CALL.get(call);
  }

  /**
   * Returns the tag of {@code call}, which an interceptor of Rekey's own client always finds.
   *
   * @throws NullPointerException for a call Rekey did not make
   */
  static CallTag required(Call call) {
    return Objects.requireNonNull(of(call), "a Rekey call carries a CallTag");
  }

  /** Makes this the tag of {@code call} until {@link #release()}; before it runs. */
  synchronized void ridesOn(Call call) {
    this.call = call;
    BY_CALL.put(call, this);
  }

  void markRequestStarted() {
    requestStarted = true;
  }

  void markHandshakeStarted() {
    handshakeStarted = true;
  }

  /** Returns whether a TLS handshake began in this attempt (a new connection, not a pooled one). */
  boolean handshakeStarted() {
    return handshakeStarted;
  }

  /** Returns whether the request may have reached the server: its headers began to be written. */
  boolean requestStarted() {
    return requestStarted;
  }

  /** Keeps the host slot the answer holds until {@link #releaseSlot()}. */
  synchronized void holdSlot(Semaphore slot) {
    this.slot = slot;
  }

  /** Keeps the attempt's deadline until {@link #release()}. */
  synchronized void holdDeadline(AttemptDeadlines.Attempt deadline) {
    this.deadline = deadline;
  }

  /** Returns whether the attempt's deadline passed before its answer was read. */
  synchronized boolean timedOut() {
    return deadline != null && deadline.expired();
  }

  /**
   * Gives the host slot back (once) and stops the attempt's clock: the attempt's answer has been
   * read and closed, or never came.
   */
  synchronized void release() {
    if (call != null) {
      BY_CALL.remove(call, this);
    }
    if (slot != null) {
      slot.release();
      slot = null;
    }
    if (deadline != null) {
      deadline.end(); // ends it once; the deadline stays to tell timedOut()
    }
  }
}
