package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArmStorageEmulatorTest {
  private static final String SUB = "22222222-2222-2222-2222-222222222222";

  private final ArmStorageEmulator storage = new ArmStorageEmulator();
  private final RawHttp http = new RawHttp();

  @BeforeEach
  void start() {
    storage.start();
  }

  @AfterEach
  void stop() {
    storage.close();
    http.close();
  }

  private HttpUrl url(String account, String action, String apiVersion) {
    return HttpUrl.get(storage.baseUrl())
        .resolve(
            "/subscriptions/"
                + SUB
                + "/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/"
                + account
                + "/"
                + action
                + "?api-version="
                + apiVersion);
  }

  @Test
  void regeneratesOneKeyAndAnswersAllKeys() throws IOException {
    StorageKeys keys = storage.addAccount(SUB, "rg", "mystore");
    String key2 = keys.key("key2").orElseThrow().reveal();
    RawHttp.Answer a =
        http.postJson(url("mystore", "regenerateKey", "2023-05-01"), "{\"keyName\":\"key1\"}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body())
        .contains("\"keyName\":\"key1\"")
        .contains("\"value\":\"" + key2 + "\"")
        .contains("\"permissions\":\"Full\"");
    assertThat(keys.regenerations("key1")).isEqualTo(1);
    assertThat(keys.regenerations("key2")).isZero();
    assertThat(http.postJson(url("mystore", "listKeys", "2019-06-01"), "").body())
        .contains("\"permissions\":\"FULL\"");
  }

  @Test
  void kerberosKeysAreAnsweredAsTheSpecsExamplesShowThem() throws IOException {
    storage.addAccount(SUB, "rg", "mystore");
    HttpUrl list = url("mystore", "listKeys", "2023-05-01");
    HttpUrl expanded = list.newBuilder().addQueryParameter("$expand", "kerb").build();
    assertThat(http.postJson(expanded, "").body()).doesNotContain("kerb1");
    // StorageAccountRegenerateKerbKey.json: key1, key2 and the regenerated kerb1, no kerb2
    String regenerated =
        http.postJson(url("mystore", "regenerateKey", "2023-05-01"), "{\"keyName\":\"kerb1\"}")
            .body();
    assertThat(regenerated).contains("\"key1\"", "\"key2\"", "\"kerb1\"");
    http.postJson(url("mystore", "regenerateKey", "2023-05-01"), "{\"keyName\":\"kerb2\"}");
    assertThat(
            http.postJson(url("mystore", "regenerateKey", "2023-05-01"), "{\"keyName\":\"key1\"}")
                .body())
        .doesNotContain("kerb");
    // StorageAccounts_ListKeys: the Kerberos keys only with $expand=kerb
    assertThat(http.postJson(list, "").body()).doesNotContain("kerb");
    assertThat(http.postJson(expanded, "").body()).contains("\"kerb1\"", "\"kerb2\"");
  }

  @Test
  void refusesBadKeyNamesAccountNamesAndUnknownAccounts() throws IOException {
    storage.addAccount(SUB, "rg", "mystore");
    assertThat(
            http.postJson(url("mystore", "regenerateKey", "2023-05-01"), "{\"keyName\":\"key3\"}")
                .status())
        .isEqualTo(400);
    assertThat(
            http.postJson(url("My_Store", "regenerateKey", "2023-05-01"), "{\"keyName\":\"key1\"}")
                .body())
        .contains("AccountNameInvalid");
    assertThat(http.postJson(url("otherstore", "listKeys", "2023-05-01"), "").status())
        .isEqualTo(404);
  }
}
