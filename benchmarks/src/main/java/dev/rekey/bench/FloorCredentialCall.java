package dev.rekey.bench;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * The plain-HTTP floor after making the same kind of azure-core {@code TokenCredential} every Rekey
 * Azure run gets: a reference for cold start only. Loading azure-core's first class makes the JVM
 * verify its signed jar, and {@link AccessToken}'s expiry loads the time-zone rules, costs any
 * application pays that signs in to Azure with azure-core, whatever it calls next.
 */
public final class FloorCredentialCall extends FloorCall {
  @SuppressWarnings("unused") // held for the call's life, as an application holds its credential
  private final TokenCredential credential;

  /** The floor, with a credential made first. */
  public FloorCredentialCall() {
    credential = credential();
  }

  /**
   * Kept out of {@link Ids} so this classpath (OkHttp and azure-core only) needs no Rekey class.
   */
  private static TokenCredential credential() {
    AccessToken token = new AccessToken("bench-token", OffsetDateTime.now().plusDays(1));
    return new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext context) {
        return Mono.just(token);
      }

      @Override
      public AccessToken getTokenSync(TokenRequestContext context) {
        return token;
      }
    };
  }
}
