package app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.StorageKeys;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "azure.subscription-id=" + ApplicationTest.SUBSCRIPTION)
class ApplicationTest {
  static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
  private static final Emulators EMULATORS = new Emulators();

  @Autowired KeyRotation rotation;
  @Autowired ObjectMapper bootsJackson2;

  @AfterAll
  static void close() {
    EMULATORS.close();
  }

  @Test
  void firstCallsRotateAcrAndStorageCredentials() throws Exception {
    AcrToken token = EMULATORS.acr().addToken(SUBSCRIPTION, "rg", "registry", "ci-token");
    GeneratedCredentials creds =
        rotation.acrPassword(EMULATORS.acr().baseUrl(), "rg", "registry", "ci-token");
    assertThat(token.generations()).isEqualTo(1);
    assertThat(creds.passwords().get(0).value())
        .isEqualTo(token.password("password1").orElseThrow());

    StorageKeys arm = EMULATORS.armStorage().addAccount(SUBSCRIPTION, "rg", "store1");
    var keys = rotation.storageKey1(EMULATORS.armStorage().baseUrl(), "rg", "store1");
    assertThat(arm.regenerations("key1")).isEqualTo(1);
    assertThat(keys.keys())
        .extracting(StorageAccountKey::value)
        .contains(arm.key("key1").orElseThrow());

    StorageKeys classic = EMULATORS.classicStorage().addAccount(SUBSCRIPTION, "classic1");
    StorageServiceKeys after =
        rotation.classicSecondary(EMULATORS.classicStorage().baseUrl(), "classic1");
    assertThat(classic.all().values()).contains(after.secondary());

    // Boot's own Jackson 2 keeps working beside Rekey.
    assertThat(bootsJackson2.writeValueAsString(Map.of("rotated", true)))
        .isEqualTo("{\"rotated\":true}");
  }
}
