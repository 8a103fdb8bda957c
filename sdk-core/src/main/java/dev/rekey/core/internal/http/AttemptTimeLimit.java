package dev.rekey.core.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Limits one attempt, from its first interceptor to its answer's last byte, to {@code
 * ClientOptions.callTimeout} (0: none), or to the shorter limit its {@link CallTag} carries (a call
 * with an end, {@link HttpPipeline#send(ApiRequest, java.time.Instant)}): the attempt's deadline
 * rides on its tag until {@link HttpPipeline} has read its answer, and {@link AttemptDeadlines}
 * cancels the call if the deadline comes first. OkHttp's own call timeout is left off (see {@link
 * AttemptDeadlines} for why).
 */
final class AttemptTimeLimit implements Interceptor {
  private final long timeoutNanos;

  AttemptTimeLimit(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallTag tag = CallTag.required(chain.call());
    long limit = shorter(timeoutNanos, tag.limitNanos);
    if (limit != 0) {
      tag.holdDeadline(AttemptDeadlines.SHARED.start(chain.call(), limit));
    }
    return chain.proceed(chain.request());
  }

  /** Returns the shorter of two limits, where 0 means none. */
  private static long shorter(long a, long b) {
    return a == 0 ? b : b == 0 ? a : Math.min(a, b);
  }
}
