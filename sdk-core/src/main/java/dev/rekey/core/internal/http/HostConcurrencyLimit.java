package dev.rekey.core.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Caps the calls in flight to one host, synchronous and asynchronous alike: OkHttp's dispatcher only
 * queues async calls, so a sync caller would otherwise open a connection per thread. A call holds its
 * slot from before its first byte until its response body is closed; a caller waiting for a slot has
 * sent nothing yet.
 */
final class HostConcurrencyLimit implements Interceptor {
  private final int permits;
  private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

  HostConcurrencyLimit(int permits) {
    this.permits = permits;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Semaphore slots = hosts.computeIfAbsent(chain.request().url().host(), h -> new Semaphore(permits, true));
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a free connection to " + chain.request().url().host());
    }
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException | RuntimeException | Error e) {
      slots.release();
      throw e;
    }
    return response.newBuilder().body(new ReleasingBody(response.body(), slots)).build();
  }

  /** The response body, giving the host's slot back (once) when it is closed. */
  private static final class ReleasingBody extends ResponseBody {
    private final ResponseBody body;
    private final Semaphore slots;
    private final AtomicBoolean released = new AtomicBoolean();
    private final BufferedSource source;

    ReleasingBody(ResponseBody body, Semaphore slots) {
      this.body = body;
      this.slots = slots;
      this.source =
          Okio.buffer(
              new ForwardingSource(body.source()) {
                @Override
                public void close() throws IOException {
                  try {
                    super.close();
                  } finally {
                    release();
                  }
                }
              });
    }

    @Override
    public okhttp3.@org.jspecify.annotations.Nullable MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      try {
        body.close();
      } finally {
        release();
      }
    }

    private void release() {
      if (released.compareAndSet(false, true)) {
        slots.release();
      }
    }
  }
}
