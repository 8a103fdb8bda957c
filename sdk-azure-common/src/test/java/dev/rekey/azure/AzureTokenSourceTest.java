package dev.rekey.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.rekey.azure.internal.AzureTokenSource;
import dev.rekey.core.RekeyException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AzureTokenSourceTest {
  @Test
  void asksTheCredentialForTheScopeAndKeepsTokenAndExpiry() {
    List<List<String>> asked = new ArrayList<>();
    OffsetDateTime expiry = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    TokenCredential credential =
        context -> {
          asked.add(context.getScopes());
          return Mono.just(new AccessToken("token-canary-1", expiry));
        };

    var token =
        new AzureTokenSource(credential, AzureCloud.PUBLIC.resourceManagerScope()).fetchToken();

    assertThat(asked).containsExactly(List.of("https://management.azure.com/.default"));
    assertThat(token.token().reveal()).isEqualTo("token-canary-1");
    assertThat(token.token().toString()).doesNotContain("canary");
    assertThat(token.expiresAt()).isEqualTo(expiry.toInstant());
  }

  @Test
  void failsClearlyWhenTheCredentialGivesNothing() {
    TokenCredential empty = (TokenRequestContext context) -> Mono.empty();
    assertThatThrownBy(() -> new AzureTokenSource(empty, "s/.default").fetchToken())
        .isInstanceOf(RekeyException.class)
        .hasMessageContaining("returned no token for scope s/.default");
  }
}
