package dev.rekey.bench;

import java.util.concurrent.CompletableFuture;

/** One client's rotation call against the stub, in sync and async form; closing releases the client. */
public interface Call extends AutoCloseable {
  /** Makes the call and returns what the client returns (for the Blackhole). */
  Object call();

  /** Makes the call without blocking the caller. */
  CompletableFuture<?> callAsync();

  @Override
  void close();

  /** Returns the stub's base URL, e.g. {@code https://127.0.0.1:40123}, from {@code -Dbench.stub}. */
  static String stubUrl() {
    String url = System.getProperty("bench.stub");
    if (url == null) {
      throw new IllegalStateException("-Dbench.stub=https://127.0.0.1:PORT is not set (run BenchMain)");
    }
    return url;
  }
}
