package dev.rekey.core.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Caps the calls in flight to one host, synchronous and asynchronous alike: OkHttp's dispatcher
 * only queues async calls, so a sync caller would otherwise open a connection per thread. A call
 * holds its slot from before its first byte until {@link HttpPipeline} has read and closed its
 * response (the slot rides on the call's {@link CallTag}; wrapping the response body instead cost a
 * copy of the response and its headers per call); a caller waiting for a slot has sent nothing yet.
 */
final class HostConcurrencyLimit implements Interceptor {
  private final int permits;
  private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

  HostConcurrencyLimit(int permits) {
    this.permits = permits;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallTag tag = CallTag.required(chain.call());
    Semaphore slots =
        hosts.computeIfAbsent(chain.request().url().host(), h -> new Semaphore(permits, true));
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(
          "interrupted while waiting for a free connection to " + chain.request().url().host());
    }
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException | RuntimeException | Error e) {
      slots.release();
      throw e;
    }
    tag.holdSlot(slots);
    return response;
  }
}
