package dev.rekey.azure.storage;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.core.test.FakeTime;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Shared test set-up: a fake credential that records scopes, and fast options. */
final class TestSupport {
  static final String SUB = "11111111-2222-3333-4444-555555555555";

  private TestSupport() {}

  /** A credential answering token {@code token} and recording each scope asked for. */
  static final class FakeCredential implements TokenCredential {
    final List<String> scopes = new CopyOnWriteArrayList<>();
    private final String token;

    FakeCredential(String token) {
      this.token = token;
    }

    @Override
    public Mono<AccessToken> getToken(com.azure.core.credential.TokenRequestContext context) {
      scopes.addAll(context.getScopes());
      return Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
    }
  }

  static ClientOptions options(String endpoint) {
    return ClientOptions.builder()
        .endpoint(URI.create(endpoint))
        .timeSource(new FakeTime())
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(10))
        .logLevel(HttpLogLevel.BODY)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1)).build())
        .pollingPolicy(
            PollingPolicy.builder()
                .initialInterval(Duration.ofMillis(1))
                .timeout(Duration.ofSeconds(30))
                .build())
        .build();
  }
}
