package dev.rekey.azure.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.auth.TokenSource;
import java.util.Objects;

/**
 * Adapts any azure-core {@link TokenCredential} (DefaultAzureCredential, a managed identity, a
 * client secret...) to Rekey's {@link TokenSource} for one scope. Rekey caches the tokens, so this
 * asks the credential only when a token is missing or due for refresh.
 */
public final class AzureTokenSource implements TokenSource {
  private final TokenCredential credential;
  private final String scope;

  /** Creates a source of tokens for {@code scope} from {@code credential}. */
  public AzureTokenSource(TokenCredential credential, String scope) {
    this.credential = Objects.requireNonNull(credential, "credential == null");
    this.scope = Objects.requireNonNull(scope, "scope == null");
  }

  /**
   * Returns a token from the credential.
   *
   * @throws RekeyException if the credential returns no token
   */
  @Override
  public AccessToken fetchToken() {
    com.azure.core.credential.AccessToken token =
        credential.getTokenSync(new TokenRequestContext().addScopes(scope));
    if (token == null) {
      throw new RekeyException(
          credential.getClass().getSimpleName() + " returned no token for scope " + scope);
    }
    return new AccessToken(Secret.of(token.getToken()), token.getExpiresAt().toInstant());
  }

  @Override
  public String toString() {
    return "AzureTokenSource[" + credential.getClass().getSimpleName() + ", " + scope + "]";
  }
}
