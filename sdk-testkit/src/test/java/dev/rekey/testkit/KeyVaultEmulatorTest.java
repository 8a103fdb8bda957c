package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.testkit.internal.RandomSecrets;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@RekeyEmulators
class KeyVaultEmulatorTest {
  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer vault-token");
  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

  private final KeyVaultEmulator vault;
  private final RawHttp http = new RawHttp();

  KeyVaultEmulatorTest(KeyVaultEmulator vault) {
    this.vault = vault;
    vault.clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    http.close();
  }

  private HttpUrl url(String path) {
    return HttpUrl.get(vault.baseUrl())
        .resolve(path + (path.contains("?") ? "&" : "?") + "api-version=7.5");
  }

  private RawHttp.Answer put(String name, String body) throws IOException {
    return http.send("PUT", url("/secrets/" + name), AUTH, body, "application/json");
  }

  private RawHttp.Answer get(String path) throws IOException {
    return http.send("GET", url(path), AUTH, null, null);
  }

  @Test
  void everyPutMakesANewVersionWithItsTagsAndExpiryAndGetReadsTheLatest() throws IOException {
    String first = RandomSecrets.alphanumeric(40);
    String second = RandomSecrets.alphanumeric(40);
    RawHttp.Answer a =
        put(
            "storage-key",
            "{\"value\":\""
                + first
                + "\",\"tags\":{\"slot\":\"key1\"},\"attributes\":{\"exp\":1893456000}}");
    assertThat(a.status()).isEqualTo(200);
    String v1 = vault.latest("storage-key").orElseThrow().version();
    assertThat(a.body())
        .contains("\"value\":\"" + first + "\"")
        .contains("\"id\":\"" + vault.baseUrl() + "secrets/storage-key/" + v1 + "\"")
        .contains(
            "\"exp\":1893456000",
            "\"created\":" + NOW.getEpochSecond(),
            "\"enabled\":true",
            "\"slot\":\"key1\"");
    assertThat(
            put(
                    "storage-key",
                    "{\"value\":\""
                        + second
                        + "\",\"contentType\":\"text/plain\",\"tags\":{\"slot\":\"key2\"}}")
                .status())
        .isEqualTo(200);

    assertThat(vault.versions("storage-key")).hasSize(2);
    assertThat(vault.latest("STORAGE-KEY").orElseThrow().value().reveal()).isEqualTo(second);
    assertThat(vault.versions("storage-key").get(0).expiry())
        .contains(Instant.ofEpochSecond(1893456000));
    assertThat(get("/secrets/storage-key").body())
        .contains(second)
        .contains("\"contentType\":\"text/plain\"");
    assertThat(get("/secrets/storage-key/").body()).contains(second);
    assertThat(get("/secrets/storage-key/" + v1).body())
        .contains(first)
        .contains("\"slot\":\"key1\"");
    RawHttp.Answer list = get("/secrets/storage-key/versions");
    assertThat(list.body())
        .contains(v1, vault.latest("storage-key").orElseThrow().version(), "\"nextLink\":null");
    assertThat(list.body()).doesNotContain(first).doesNotContain(second);
  }

  @Test
  void unknownSecretsAndVersionsAreSecretNotFound() throws IOException {
    put("known", "{\"value\":\"v\"}");
    RawHttp.Answer missing = get("/secrets/unknown");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).startsWith("{\"error\":{\"code\":\"SecretNotFound\"");
    assertThat(get("/secrets/known/0123456789abcdef0123456789abcdef").status()).isEqualTo(404);
    assertThat(get("/secrets/unknown/versions").status()).isEqualTo(404);
  }

  @Test
  void refusesAMissingTokenWithTheVaultChallenge() throws IOException {
    RawHttp.Answer a = http.send("GET", url("/secrets/x"), Map.of(), null, null);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.headers().get("WWW-Authenticate"))
        .startsWith("Bearer authorization=\"https://login.microsoftonline.com/")
        .endsWith("resource=\"https://vault.azure.net\"");
    assertThat(a.body()).contains("\"code\":\"Unauthorized\"");
    vault.requireToken("the-right-one");
    assertThat(get("/secrets/x").status()).isEqualTo(401);
  }

  @Test
  void refusesMissingOrUnknownApiVersionsBadNamesAndBodiesWithoutValue() throws IOException {
    RawHttp.Answer noVersion =
        http.send("GET", HttpUrl.get(vault.baseUrl()).resolve("/secrets/x"), AUTH, null, null);
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(noVersion.body()).contains("BadParameter");
    HttpUrl oldVersion = HttpUrl.get(vault.baseUrl()).resolve("/secrets/x?api-version=1.0");
    assertThat(http.send("GET", oldVersion, AUTH, null, null).status()).isEqualTo(400);
    assertThat(put("bad_name", "{\"value\":\"v\"}").body()).contains("invalid name");
    assertThat(put("good", "{\"tags\":{}}").body()).contains("Property value is required");
    assertThat(put("good", "not json").status()).isEqualTo(400);
    assertThat(vault.versions("good")).isEmpty();
  }

  @Test
  void aDisabledVersionCannotBeRead() throws IOException {
    put("off", "{\"value\":\"v\",\"attributes\":{\"enabled\":false}}");
    RawHttp.Answer a = get("/secrets/off");
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.body()).contains("SecretDisabled");
  }

  @Test
  void injectedFaultsAnswerInKeyVaultsErrorShape() throws IOException {
    vault.faults().throttle(1, java.time.Duration.ofSeconds(1));
    RawHttp.Answer a = get("/secrets/x");
    assertThat(a.status()).isEqualTo(429);
    assertThat(a.body()).startsWith("{\"error\":{\"code\":");
  }
}
