package dev.rekey.testkit.clients.internal;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * The bearer credential of every injected Azure client: a fixed fake token valid for an hour, which
 * the emulators accept (they check only that a token is there). Loaded only when an Azure module is.
 */
public final class FakeAzureCredential implements TokenCredential {
  /** The one instance. */
  public static final FakeAzureCredential INSTANCE = new FakeAzureCredential();

  private FakeAzureCredential() {}

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.just(getTokenSync(request));
  }

  /**
   * Answers without Reactor, as azure-identity's credentials do: Rekey asks through {@code
   * getTokenSync}, whose default would build and block on a {@link Mono} (122 Reactor classes loaded).
   */
  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return new AccessToken("rekey-testkit-fake-token", OffsetDateTime.now().plusHours(1));
  }
}
