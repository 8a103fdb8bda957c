package dev.rekey.azure.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyPermission;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.LogCapture;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.StorageKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageAccountKeysClientTest {
  private static final String TOKEN = dev.rekey.core.test.Canaries.BEARER_TOKEN;
  private static final String ACCOUNT_PATH =
      "/subscriptions/"
          + TestSupport.SUB
          + "/resourceGroups/my-rg/providers/Microsoft.Storage/storageAccounts/mystore/";

  @RegisterExtension final LogCapture logs = new LogCapture();

  private final ArmStorageEmulator emulator = new ArmStorageEmulator();
  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  private final TestSupport.FakeCredential credential = new TestSupport.FakeCredential(TOKEN);
  private StorageAccountKeysClient client;
  private StorageKeys keys;

  private void startEmulator() {
    emulator.start();
    keys = emulator.addAccount(TestSupport.SUB, "my-rg", "mystore");
    client = client(emulator.baseUrl().toString());
  }

  private StorageAccountKeysClient client(String endpoint) {
    return StorageAccountKeysClient.builder()
        .credential(credential)
        .subscriptionId(TestSupport.SUB)
        .options(TestSupport.options(endpoint))
        .build();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    emulator.close();
    wm.stop();
  }

  private static Map<String, String> values(List<StorageAccountKey> keys) {
    return keys.stream()
        .collect(Collectors.toMap(StorageAccountKey::keyName, k -> k.value().reveal()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"READ", "Read", "read", "FULL", "Full"})
  void sendsTheArmRegenerateCallAndReadsPermissionsInAnyCase(String permission) {
    wm.start();
    client = client(wm.baseUrl());
    wm.stubFor(
        post(urlPathEqualTo(ACCOUNT_PATH + "regenerateKey"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"keys\":[{\"creationTime\":\"2024-01-02T03:04:05.1234567Z\",\"keyName\":\"key1\",\"permissions\":\""
                            + permission
                            + "\",\"value\":\"v1\",\"extra\":1},{\"keyName\":\"key2\",\"value\":\"v2\"}]}")));
    List<StorageAccountKey> result =
        client
            .regenerateKey(
                r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY1))
            .keys();
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(ACCOUNT_PATH + "regenerateKey"))
            .withQueryParam("api-version", equalTo("2023-05-01"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(equalToJson("{\"keyName\":\"key1\"}")));
    assertThat(credential.scopes).containsOnly("https://management.azure.com/.default");
    assertThat(result).hasSize(2);
    assertThat(result.get(0).permissions())
        .contains(KeyPermission.valueOf(permission.toUpperCase()));
    assertThat(result.get(0).creationTime())
        .contains(Instant.parse("2024-01-02T03:04:05.1234567Z"));
    assertThat(result.get(0).name()).contains(KeyName.KEY1);
    assertThat(result.get(1).permissions()).isEmpty();
  }

  @Test
  void regeneratesOnlyTheNamedKeyAndReturnsAllKeys() {
    startEmulator();
    String key1 = keys.key("key1").orElseThrow().reveal();
    List<StorageAccountKey> result =
        client
            .regenerateKey(
                r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY2))
            .keys();
    assertThat(values(result))
        .containsEntry("key1", key1)
        .containsEntry("key2", keys.key("key2").orElseThrow().reveal());
    assertThat(keys.regenerations("key2")).isEqualTo(1);
    assertThat(keys.regenerations("key1")).isZero();
    assertThat(result).allSatisfy(k -> assertThat(k.permissions()).contains(KeyPermission.FULL));
  }

  @Test
  void listsTheCurrentKeys() {
    startEmulator();
    assertThat(values(client.listKeys(r -> r.resourceGroup("my-rg").accountName("mystore")).keys()))
        .isEqualTo(
            keys.all().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().reveal())));
    assertThat(keys.regenerations("key1") + keys.regenerations("key2")).isZero();
  }

  @Test
  void listKeysIsRepeatedAfterALostAnswerButARotationIsNot() {
    startEmulator();
    emulator.faults().matching("POST", ".*/listKeys").dropAfterProcessing(1);
    assertThat(client.listKeys(r -> r.resourceGroup("my-rg").accountName("mystore")).keys())
        .hasSize(2);
    assertThat(emulator.count("POST", ".*/listKeys")).isEqualTo(2);
    emulator.faults().matching("POST", ".*/regenerateKey").dropAfterProcessing(1);
    catchThrowableOfType(
        OutcomeUnknownException.class,
        () ->
            client.regenerateKey(
                r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY1)));
    assertThat(emulator.count("POST", ".*/regenerateKey")).isEqualTo(1);
    assertThat(keys.regenerations("key1")).isEqualTo(1);
  }

  @Test
  void throttledRotationIsSentExactlyTwice() {
    startEmulator();
    emulator.faults().matching("POST", ".*/regenerateKey").throttle(1, Duration.ZERO);
    client.regenerateKey(
        r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY1));
    assertThat(emulator.count("POST", ".*/regenerateKey")).isEqualTo(2);
    assertThat(keys.regenerations("key1")).isEqualTo(1);
  }

  @Test
  void acceptedRotationIsPolledToTheKeys() {
    startEmulator();
    emulator.faults().planNextOperation(AsyncPlan.location(2));
    List<StorageAccountKey> result =
        client
            .regenerateKeyAsync(
                RegenerateKeyRequest.builder()
                    .resourceGroup("my-rg")
                    .accountName("mystore")
                    .keyName(KeyName.KEY1)
                    .build())
            .join()
            .keys();
    assertThat(values(result)).containsEntry("key1", keys.key("key1").orElseThrow().reveal());
    assertThat(keys.regenerations("key1")).isEqualTo(1);
  }

  @Test
  void rotatesTheStandbyKey() {
    startEmulator();
    client.rotateStandbyKey(
        r -> r.resourceGroup("my-rg").accountName("mystore").inUse(KeyName.KEY1));
    assertThat(keys.regenerations("key2")).isEqualTo(1);
    assertThat(keys.regenerations("key1")).isZero();
  }

  @Test
  void mapsArmErrorsToTheTypedException() {
    startEmulator();
    StorageServiceException e =
        catchThrowableOfType(
            StorageServiceException.class,
            () -> client.listKeys(r -> r.resourceGroup("my-rg").accountName("nosuch")));
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.errorCode()).contains("ResourceNotFound");
  }

  @Test
  void validatesBeforeSendingAnything() {
    startEmulator();
    for (String bad : new String[] {"ab", "UPPER", "with-dash", "a".repeat(25)}) {
      assertThatThrownBy(
              () ->
                  client.regenerateKey(
                      r -> r.resourceGroup("my-rg").accountName(bad).keyName(KeyName.KEY1)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("accountName");
      assertThatThrownBy(() -> client.listKeys(r -> r.resourceGroup("my-rg").accountName(bad)))
          .isInstanceOf(ValidationException.class);
    }
    assertThatThrownBy(
            () ->
                client.regenerateKey(
                    r -> r.resourceGroup("bad/rg").accountName("mystore").keyName(KeyName.KEY1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("resourceGroup \"");
    assertThatThrownBy(
            () ->
                StorageAccountKeysClient.builder()
                    .credential(credential)
                    .subscriptionId("x")
                    .build())
        .isInstanceOf(ValidationException.class);
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void keyValuesNeverReachLogsOrToString() {
    startEmulator();
    List<StorageAccountKey> result =
        client
            .regenerateKey(
                r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY1))
            .keys();
    for (StorageAccountKey k : result) {
      assertThat(k.toString()).doesNotContain(k.value().reveal());
      assertThat(logs.text()).doesNotContain(k.value().reveal());
    }
    assertThat(logs.text()).doesNotContain(TOKEN);
  }
}
