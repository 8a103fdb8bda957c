package dev.rekey.bench;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * The static fake credential both SDKs (and the cold-start reference floor) get. It needs
 * azure-core only, no Rekey class, so the reference's classpath is OkHttp and azure-core alone.
 */
final class BenchCredential {
  private static final AccessToken TOKEN =
      new AccessToken("bench-token", OffsetDateTime.now().plusDays(1));

  private BenchCredential() {}

  /**
   * A credential that answers at once with the same token, so neither SDK measures sign-in. Like
   * azure-identity's credentials it implements both {@code getToken} (the Azure SDK's async
   * pipeline) and {@code getTokenSync} (Rekey), so neither path loads Reactor only because of the
   * fake.
   */
  static TokenCredential create() {
    return new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext context) {
        return Mono.just(TOKEN);
      }

      @Override
      public AccessToken getTokenSync(TokenRequestContext context) {
        return TOKEN;
      }
    };
  }
}
