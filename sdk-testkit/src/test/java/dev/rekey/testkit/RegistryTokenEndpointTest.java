package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.testkit.junit.RekeyEmulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@RekeyEmulators
class RegistryTokenEndpointTest {
  private static final String SUB = RekeyEmulators.SUBSCRIPTION_ID;
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private final RawHttp http = new RawHttp();

  @AfterEach
  void stop() {
    http.close();
  }

  private RawHttp.Answer login(AcrEmulator acr, String user, String password) throws IOException {
    HttpUrl url =
        HttpUrl.get(acr.baseUrl())
            .resolve("/oauth2/token?service=myregistry.azurecr.io&scope=repository:app:pull");
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http.send("GET", url, Map.of("Authorization", "Basic " + basic), null, null);
  }

  private RawHttp.Answer generate(AcrEmulator acr, String name, String expiry) throws IOException {
    HttpUrl url =
        HttpUrl.get(acr.baseUrl())
            .resolve(
                "/subscriptions/"
                    + SUB
                    + "/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/myregistry/generateCredentials?api-version=2023-01-01-preview");
    String tokenId = url.encodedPath().replace("/generateCredentials", "/tokens/ci");
    return http.postJson(
        url,
        "{\"tokenId\":\""
            + tokenId
            + "\",\"name\":\""
            + name
            + "\",\"expiry\":\""
            + expiry
            + "\"}");
  }

  @Test
  void eitherCurrentPasswordGetsAnAccessTokenAndARegeneratedAwayOneIsRefused(AcrEmulator acr)
      throws IOException {
    acr.clock(Clock.fixed(NOW, ZoneOffset.UTC));
    AcrToken token = acr.addToken(SUB, "rg", "myregistry", "ci");
    generate(acr, "password1", "2027-01-01T00:00:00Z");
    generate(acr, "password2", "2027-01-01T00:00:00Z");
    String password1 = token.password("password1").orElseThrow().reveal();
    RawHttp.Answer ok = login(acr, "ci", password1);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).startsWith("{\"access_token\":\"");
    assertThat(login(acr, "ci", token.password("password2").orElseThrow().reveal()).status())
        .isEqualTo(200);

    generate(acr, "password1", "2027-01-01T00:00:00Z");
    RawHttp.Answer refused = login(acr, "ci", password1);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).contains("UNAUTHORIZED").doesNotContain(password1);
    assertThat(refused.headers().get("WWW-Authenticate"))
        .isEqualTo("Basic realm=\"https://myregistry.azurecr.io/oauth2/token\"");
    assertThat(login(acr, "other", token.password("password2").orElseThrow().reveal()).status())
        .isEqualTo(401);
  }

  @Test
  void anExpiredPasswordIsRefused(AcrEmulator acr) throws IOException {
    acr.clock(Clock.fixed(NOW, ZoneOffset.UTC));
    AcrToken token = acr.addToken(SUB, "rg", "myregistry", "ci");
    generate(acr, "password1", "2026-12-02T00:00:00Z");
    String password1 = token.password("password1").orElseThrow().reveal();
    assertThat(login(acr, "ci", password1).status()).isEqualTo(200);
    acr.clock(Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC));
    assertThat(login(acr, "ci", password1).status()).isEqualTo(401);
  }
}
