package dev.rekey.core.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from silently re-sending a call answered {@code 503} with {@code Retry-After: 0}:
 * its follow-up logic does that even with {@code retryOnConnectionFailure(false)}, which would
 * bypass {@link dev.rekey.core.retry.RetryPolicy#maxAttempts()} and re-send a rotation behind the
 * pipeline's back. The zero wait is handed on as the equivalent {@code retry-after-ms: 0}, which
 * OkHttp ignores and {@link RetryAfter} reads, so the pipeline still decides (and counts) the
 * retry.
 */
final class ServerRetryGuard implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() != 503 || retryAfter == null || !isZero(retryAfter)) {
      return response;
    }
    Response.Builder b = response.newBuilder().removeHeader("Retry-After");
    if (response.header("retry-after-ms") == null) {
      b.header("retry-after-ms", "0");
    }
    return b.build();
  }

  private static boolean isZero(String value) {
    String v = value.trim();
    return !v.isEmpty() && v.chars().allMatch(c -> c == '0');
  }
}
