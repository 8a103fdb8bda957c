package dev.rekey.bench;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.rekey.core.ClientOptions;
import java.net.URI;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/** The names every call uses, and the static fake credential both SDKs get. */
final class Ids {
  static final String SUB = "00000000-0000-0000-0000-000000000000";
  static final String TENANT = "00000000-0000-0000-0000-000000000001";
  static final String RG = "bench-rg";
  private static final AccessToken TOKEN =
      new AccessToken("bench-token", OffsetDateTime.now().plusDays(1));

  private Ids() {}

  /**
   * A credential that answers at once with the same token, so neither SDK measures sign-in. Like
   * azure-identity's credentials it implements both {@code getToken} (the Azure SDK's async
   * pipeline) and {@code getTokenSync} (Rekey), so neither path loads Reactor only because of the
   * fake.
   */
  static TokenCredential credential() {
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

  /** Rekey's options: the stub as endpoint, everything else default. */
  static ClientOptions options() {
    return ClientOptions.builder().endpoint(URI.create(Call.stubUrl())).build();
  }
}
