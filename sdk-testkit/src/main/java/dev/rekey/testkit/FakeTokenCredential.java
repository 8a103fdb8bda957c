package dev.rekey.testkit;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * An Azure {@link TokenCredential} for tests against the emulators: every request gets the same
 * fake bearer token, valid for an hour from when it is asked for. The emulators check only that a
 * token is there, so this is all an Azure client needs to talk to one. It uses azure-core, which
 * the testkit does not bring: an Azure client module (or azure-identity) on your test class path
 * already does.
 *
 * <pre>{@code
 * AcrClient acr = AcrClient.builder()
 *     .credential(FakeTokenCredential.INSTANCE)
 *     .subscriptionId("00000000-0000-0000-0000-000000000000")
 *     .options(ClientOptions.builder().endpoint(emulator.baseUrl()).build())
 *     .build();
 * }</pre>
 */
public final class FakeTokenCredential implements TokenCredential {
  /** The one instance; it holds no state. */
  public static final FakeTokenCredential INSTANCE = new FakeTokenCredential();

  /** The token every request gets. */
  public static final String TOKEN = "rekey-testkit-fake-token";

  private FakeTokenCredential() {}

  /** Returns the fake token, valid for an hour. */
  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.just(getTokenSync(request));
  }

  /**
   * Returns the fake token, valid for an hour, without Reactor (as azure-identity's credentials
   * do): the interface's default would build and block on a {@link Mono}, loading Reactor into the
   * test.
   */
  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1));
  }
}
