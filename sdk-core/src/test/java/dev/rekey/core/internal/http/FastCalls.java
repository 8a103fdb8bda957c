package dev.rekey.core.internal.http;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.retry.RetryPolicy;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * Short-timeout, no-retry clients for transport tests, so a failure shows at once and only once.
 */
final class FastCalls {
  private FastCalls() {}

  /** Returns options with 2 s connect and read timeouts and no retries. */
  static ClientOptions.Builder options() {
    return ClientOptions.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .retryPolicy(RetryPolicy.none());
  }

  /** Returns fast options with {@code tls}. */
  static ClientOptions with(TlsOptions tls) {
    return options().tls(tls).build();
  }

  /** Sends one GET of {@code url} through a fresh pipeline built from {@code options}. */
  static ApiResponse get(ClientOptions options, HttpUrl url) {
    try (HttpPipeline pipeline = HttpPipeline.builder(options).module("sdk-test").build()) {
      return pipeline.send(ApiRequest.get(url).build());
    }
  }
}
