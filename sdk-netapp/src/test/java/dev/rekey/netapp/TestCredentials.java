package dev.rekey.netapp;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** A TokenCredential that hands out a fixed ARM token and records the scopes asked for. */
final class TestCredentials implements TokenCredential {
  static final String TOKEN =
      dev.rekey.core.test.Canaries.BEARER_TOKEN; // swept for in every log line

  final List<List<String>> scopes = new CopyOnWriteArrayList<>();

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    scopes.add(List.copyOf(request.getScopes()));
    return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
  }
}
