package dev.rekey.acr;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** A TokenCredential that hands out a fixed token and records every scope it was asked for. */
final class RecordingCredential implements TokenCredential {
  static final String TOKEN =
      dev.rekey.core.test.Canaries.BEARER_TOKEN; // swept for in every log line

  private final List<String> scopes = new CopyOnWriteArrayList<>();

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    scopes.addAll(request.getScopes());
    return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
  }

  List<String> scopes() {
    return List.copyOf(scopes);
  }
}
