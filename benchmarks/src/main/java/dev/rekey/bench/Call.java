package dev.rekey.bench;

import java.util.concurrent.CompletableFuture;

/**
 * One client's rotation call against the stub, in sync and async form; closing releases the client.
 */
public interface Call extends AutoCloseable {
  /** Makes the call and returns what the client returns (for the Blackhole). */
  Object call();

  /** Makes the call without blocking the caller. */
  CompletableFuture<?> callAsync();

  @Override
  void close();

  /**
   * Returns the stub's plain HTTP/1.1 base URL, e.g. {@code http://127.0.0.1:40123}, from {@code
   * -Dbench.stub}.
   */
  static String stubUrl() {
    return property("bench.stub");
  }

  /**
   * Returns the stub's HTTPS base URL, from {@code -Dbench.stub.tls}, for the clients that refuse
   * plain HTTP (ONTAP; the Azure SDK's bearer policy). They are compared with the HTTPS floor.
   */
  static String stubTlsUrl() {
    return property("bench.stub.tls");
  }

  private static String property(String name) {
    String url = System.getProperty(name);
    if (url == null) {
      throw new IllegalStateException("-D" + name + " is not set (run BenchMain)");
    }
    return url;
  }
}
