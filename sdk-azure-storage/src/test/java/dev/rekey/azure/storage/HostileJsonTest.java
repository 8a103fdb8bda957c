package dev.rekey.azure.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.core.test.HostileJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parser-exhausting JSON on every ARM storage JSON path (keys, ARM error, operation status) is
 * refused.
 */
class HostileJsonTest {
  private static final String ACCOUNT =
      "/subscriptions/"
          + TestSupport.SUB
          + "/resourceGroups/my-rg/providers/Microsoft.Storage/storageAccounts/mystore/";

  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  private StorageAccountKeysClient client;

  @BeforeEach
  void start() {
    wm.start();
    client =
        StorageAccountKeysClient.builder()
            .credential(new TestSupport.FakeCredential("t"))
            .subscriptionId(TestSupport.SUB)
            .options(TestSupport.options(wm.baseUrl()))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.stop();
  }

  private void answer(String action, int status, String body) {
    wm.stubFor(
        post(urlPathEqualTo(ACCOUNT + action))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void keysOfARotationAndOfAList(HostileJson json) {
    answer("regenerateKey", 200, json.body());
    answer("listKeys", 200, json.body());
    HostileJson.assertRefused(
        () ->
            client.regenerateKey(
                r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY1)));
    HostileJson.assertRefused(
        () -> client.listKeys(r -> r.resourceGroup("my-rg").accountName("mystore")));
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void armErrorBody(HostileJson json) {
    answer("regenerateKey", 409, json.body());
    HostileJson.assertRefused(
        () ->
            client.regenerateKey(
                r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY1)));
  }

  @ParameterizedTest
  @EnumSource(HostileJson.class)
  void armOperationStatusBody(HostileJson json) {
    wm.stubFor(
        post(urlPathEqualTo(ACCOUNT + "regenerateKey"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Azure-AsyncOperation", wm.baseUrl() + "/operations/op-1")
                    .withHeader("Retry-After", "0")));
    wm.stubFor(
        get(urlPathEqualTo("/operations/op-1"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json.body())));
    HostileJson.assertRefused(
        () ->
            client.regenerateKey(
                r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY1)));
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/operations/op-1"))))
        .as("status polled")
        .isNotEmpty();
  }
}
