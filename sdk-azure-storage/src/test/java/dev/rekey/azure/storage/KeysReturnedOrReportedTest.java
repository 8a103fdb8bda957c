package dev.rekey.azure.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.TransportException;
import org.junit.jupiter.api.Test;

/**
 * Both storage clients return only with both keys after a regeneration, say so when they cannot,
 * describe an unreadable read as a read (nothing changed), and leave an accepted rotation whose
 * status is lost or unreadable as an unknown outcome. Shapes from the pages: ARM
 * regenerateKey/listKeys answer {@code {"keys":[...]}}; classic Regenerate Keys answers a {@code
 * StorageService} with both keys.
 */
@WireMockTest
class KeysReturnedOrReportedTest {
  private static final String ARM =
      "/subscriptions/"
          + TestSupport.SUB
          + "/resourceGroups/my-rg/providers/Microsoft.Storage/storageAccounts/mystore/";
  private static final String CLASSIC =
      "/" + TestSupport.SUB + "/services/storageservices/mystore/keys";

  private static StorageAccountKeysClient arm(WireMockRuntimeInfo wm) {
    return StorageAccountKeysClient.builder()
        .credential(new TestSupport.FakeCredential("t"))
        .subscriptionId(TestSupport.SUB)
        .options(TestSupport.options(wm.getHttpBaseUrl()))
        .build();
  }

  private static ClassicStorageKeysClient classic(WireMockRuntimeInfo wm) {
    return ClassicStorageKeysClient.builder()
        .credential(new TestSupport.FakeCredential("t"))
        .subscriptionId(TestSupport.SUB)
        .options(TestSupport.options(wm.getHttpBaseUrl()))
        .build();
  }

  private static String storageService(String keys) {
    return "<StorageService xmlns=\"http://schemas.microsoft.com/windowsazure\"><Url>u</Url>"
        + "<StorageServiceKeys>"
        + keys
        + "</StorageServiceKeys></StorageService>";
  }

  @Test
  void armRegenerationAnsweredWithoutThePartnerKeySaysTheKeyWasRegenerated(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(ARM + "regenerateKey"))
            .willReturn(
                okJson(
                    "{\"keys\":[{\"keyName\":\"key1\",\"value\":\"v1\",\"permissions\":\"FULL\"}]}")));
    try (StorageAccountKeysClient c = arm(wm)) {
      assertThatThrownBy(
              () ->
                  c.regenerateKey(
                      r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY1)))
          .isInstanceOfSatisfying(
              CredentialNotReturnedException.class,
              e ->
                  assertThat(e.recovery())
                      .startsWith("key1 of storage account mystore was regenerated"))
          .hasMessageContaining("(the answer had no key2)")
          .hasMessageContaining("listKeys");
    }
  }

  @Test
  void armListKeysWithAMalformedAnswerIsAReadThatChangedNothing(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(ARM + "listKeys"))
            .willReturn(okJson("{\"keys\":[{\"keyName\":\"key1\",\"val")));
    try (StorageAccountKeysClient c = arm(wm)) {
      assertThatThrownBy(() -> c.listKeys(r -> r.resourceGroup("my-rg").accountName("mystore")))
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.mayHaveReachedServer()).isTrue())
          .hasMessageContaining("a read changes nothing on the service")
          .hasMessageNotContaining("succeeded")
          .hasMessageNotContaining("exists on the service");
    }
  }

  @Test
  void armRegenerationWhoseLocationAnswers404LeavesTheOutcomeUnknown(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(ARM + "regenerateKey"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "/ops/1")
                    .withHeader("Retry-After", "0")));
    stubFor(
        get("/ops/1")
            .willReturn(
                jsonResponse("{\"error\":{\"code\":\"NotFound\",\"message\":\"gone\"}}", 404)));
    try (StorageAccountKeysClient c = arm(wm)) {
      assertThatThrownBy(
              () ->
                  c.regenerateKey(
                      r -> r.resourceGroup("my-rg").accountName("mystore").keyName(KeyName.KEY2)))
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e -> assertThat(e.operationId()).contains(wm.getHttpBaseUrl() + "/ops/1"));
    }
    verify(1, postRequestedFor(urlPathEqualTo(ARM + "regenerateKey")));
  }

  @Test
  void classicRegenerationWithoutTheSecondaryKeySaysTheKeyWasRegenerated(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(CLASSIC))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(storageService("<Primary>p</Primary>"))));
    try (ClassicStorageKeysClient c = classic(wm)) {
      assertThatThrownBy(
              () -> c.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.SECONDARY)))
          .isInstanceOfSatisfying(
              CredentialNotReturnedException.class,
              e ->
                  assertThat(e.recovery())
                      .startsWith("Secondary key of storage service mystore was regenerated"))
          .hasMessageContaining("without a Secondary key");
    }
  }

  @Test
  void classicGetKeysWithAMalformedAnswerIsAReadThatChangedNothing(WireMockRuntimeInfo wm) {
    stubFor(
        get(urlPathEqualTo(CLASSIC))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(storageService("<Primary>p</Primary><Secondary>s"))));
    try (ClassicStorageKeysClient c = classic(wm)) {
      assertThatThrownBy(() -> c.getKeys(r -> r.serviceName("mystore")))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("a read changes nothing on the service")
          .hasMessageNotContaining("succeeded");
    }
  }

  @Test
  void classicAcceptedRegenerationWithAnUnreadableStatusLeavesTheOutcomeUnknown(
      WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(CLASSIC))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("x-ms-request-id", "0123456789abcdef0123456789abcdef")));
    stubFor(
        get(urlPathEqualTo("/" + TestSupport.SUB + "/operations/0123456789abcdef0123456789abcdef"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/xml")
                    .withBody("<Operation><Status>Succ")));
    try (ClassicStorageKeysClient c = classic(wm)) {
      assertThatThrownBy(
              () -> c.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)))
          .isInstanceOfSatisfying(
              OutcomeUnknownException.class,
              e -> assertThat(e.operationId()).contains("0123456789abcdef0123456789abcdef"))
          .hasMessageContaining("its status answer could not be read");
    }
  }
}
