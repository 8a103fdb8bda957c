package app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.Secret;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.StorageKeys;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class KeyRotationTest {
  private static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
  private static final TokenCredential TOKEN =
      context -> Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));

  /** The application's own Jackson 2 type. */
  record Audit(@JsonProperty("what") String what) {}

  @Test
  void rekeyWorksBesideTheApplicationsOwnJackson2() throws Exception {
    // The application's jackson-annotations (2.18) won: it lacks what Jackson 3 databind needs
    // (2.21+).
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("com.fasterxml.jackson.annotation.JsonSerializeAs"));
    KeyRotation rotation = new KeyRotation(TOKEN, SUBSCRIPTION);
    try (Emulators emulators = new Emulators()) {
      AcrToken token = emulators.acr().addToken(SUBSCRIPTION, "rg", "registry", "ci-token");
      GeneratedCredentials creds =
          rotation.acrPassword(emulators.acr().baseUrl(), "rg", "registry", "ci-token");
      assertEquals(1, token.generations());
      assertEquals(token.password("password1").orElseThrow(), creds.passwords().get(0).value());

      StorageKeys arm = emulators.armStorage().addAccount(SUBSCRIPTION, "rg", "store1");
      Secret oldKey1 = arm.key("key1").orElseThrow();
      var keys = rotation.storageKey1(emulators.armStorage().baseUrl(), "rg", "store1");
      assertEquals(1, arm.regenerations("key1"));
      assertEquals(
          arm.key("key1").orElseThrow(),
          keys.keys().stream()
              .filter(k -> k.keyName().equals("key1"))
              .map(StorageAccountKey::value)
              .findFirst()
              .orElseThrow());
      assertNotEquals(oldKey1, arm.key("key1").orElseThrow());

      StorageKeys classic = emulators.classicStorage().addAccount(SUBSCRIPTION, "classic1");
      StorageServiceKeys after =
          rotation.classicSecondary(emulators.classicStorage().baseUrl(), "classic1");
      assertEquals(classic.all().values().stream().filter(after.secondary()::equals).count(), 1L);
    }
    assertEquals(
        "{\"what\":\"rotated\"}", new ObjectMapper().writeValueAsString(new Audit("rotated")));
    assertEquals(Map.of("a", 1), new ObjectMapper().readValue("{\"a\":1}", Map.class));
  }
}
