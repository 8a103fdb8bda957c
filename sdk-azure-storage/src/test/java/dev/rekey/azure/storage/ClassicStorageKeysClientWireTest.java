package dev.rekey.azure.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.Canary;
import dev.rekey.core.test.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassicStorageKeysClientWireTest {
  private static final String TOKEN = dev.rekey.core.test.Canaries.BEARER_TOKEN;
  private static final String PATH =
      "/" + TestSupport.SUB + "/services/storageservices/mystore/keys";
  private static final String KEY_A = "A".repeat(86) + "==";
  private static final String KEY_B = "B".repeat(86) + "==";

  @RegisterExtension final LogCapture logs = new LogCapture();

  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  private final TestSupport.FakeCredential credential = new TestSupport.FakeCredential(TOKEN);
  private ClassicStorageKeysClient client;

  @BeforeEach
  void start() {
    wm.start();
    client = client("2011-06-01");
  }

  @AfterEach
  void stop() {
    client.close();
    wm.stop();
  }

  private ClassicStorageKeysClient client(String version) {
    return ClassicStorageKeysClient.builder()
        .subscriptionId(TestSupport.SUB)
        .credential(credential)
        .apiVersion(version)
        .options(TestSupport.options(wm.baseUrl()))
        .build();
  }

  private static String storageService(String ns, String primary, String secondary) {
    String xmlns = ns.isEmpty() ? "" : " xmlns=\"" + ns + "\"";
    return "<StorageService"
        + xmlns
        + " xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<Url>https://management.core.windows.net/x/services/storageservices/mystore</Url>"
        + "<ServiceName>mystore</ServiceName><StorageServiceProperties><Label>bXk=</Label></StorageServiceProperties>"
        + "<StorageServiceKeys><Primary>"
        + primary
        + "</Primary><Secondary>"
        + secondary
        + "</Secondary></StorageServiceKeys>"
        + "<ExtendedProperties i:nil=\"true\"/><Capabilities><Capability>Storage</Capability></Capabilities><MigrationState/>"
        + "</StorageService>";
  }

  private void answer(int status, String body, String requestId) {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/xml; charset=utf-8")
                    .withHeader("x-ms-request-id", requestId)
                    .withBody(body)));
  }

  @Test
  void sendsTheExactRegenerateKeysXmlWithVersionAndToken() {
    answer(
        200, storageService("http://schemas.microsoft.com/windowsazure", KEY_A, KEY_B), "abc123");
    client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.SECONDARY));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(PATH))
            .withQueryParam("action", equalTo("regenerate"))
            .withHeader("Content-Type", equalTo("application/xml"))
            .withHeader("x-ms-version", equalTo("2011-06-01"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(
                equalTo(
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                        + "<RegenerateKeys xmlns=\"http://schemas.microsoft.com/windowsazure\"><KeyType>Secondary</KeyType></RegenerateKeys>")));
    assertThat(credential.scopes).containsOnly("https://management.core.windows.net//.default");
  }

  @Test
  void sendsTheVersionTheCallerChose() {
    answer(200, storageService("", KEY_A, KEY_B), "r");
    try (ClassicStorageKeysClient newer = client("2014-06-01")) {
      newer.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY));
    }
    wm.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("x-ms-version", equalTo("2014-06-01"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                    "<KeyType>Primary</KeyType>")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://schemas.microsoft.com/windowsazure",
        "https://schemas.microsoft.com/windowsazure",
        ""
      })
  void readsKeysWhateverTheNamespaceAndSkipsUnknownElements(String ns) {
    answer(200, "\uFEFF" + storageService(ns, KEY_A, KEY_B), "0123456789abcdef0123456789abcdef");
    StorageServiceKeys keys =
        client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY));
    assertThat(keys.primary().reveal()).isEqualTo(KEY_A);
    assertThat(keys.secondary().reveal()).isEqualTo(KEY_B);
    assertThat(keys.url()).endsWith("/storageservices/mystore");
    assertThat(keys.requestId()).contains("0123456789abcdef0123456789abcdef");
    assertThat(keys.toString()).doesNotContain(KEY_A).doesNotContain(KEY_B);
  }

  @Test
  void readsTheReferencePageShapeWithDeclaration() {
    answer(
        200,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<StorageService xmlns=\"https://schemas.microsoft.com/windowsazure\">\n"
            + "  <Url>u</Url>\n  <StorageServiceKeys>\n    <Primary>"
            + KEY_A
            + "</Primary>\n    <Secondary>"
            + KEY_B
            + "</Secondary>\n  </StorageServiceKeys>\n</StorageService>",
        "r");
    assertThat(
            client
                .regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY))
                .secondary()
                .reveal())
        .isEqualTo(KEY_B);
  }

  @Test
  void withoutUrlTheStorageServicesOwnUriStandsInForIt() {
    // Url is the Get Storage Account Properties URI, not the keys URI that was called
    answer(
        200,
        storageService("", KEY_A, KEY_B)
            .replace(
                "<Url>https://management.core.windows.net/x/services/storageservices/mystore</Url>",
                ""),
        "r");
    StorageServiceKeys keys =
        client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY));
    assertThat(keys.url())
        .isEqualTo(wm.baseUrl() + "/" + TestSupport.SUB + "/services/storageservices/mystore");
  }

  @Test
  void aMissingOrNilKeyIsAnErrorNotAnEmptySecret() {
    answer(
        200,
        storageService("", KEY_A, KEY_B)
            .replace("<Secondary>" + KEY_B + "</Secondary>", "<Secondary i:nil=\"true\"/>"),
        "r");
    assertThatThrownBy(
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)))
        .isInstanceOf(RekeyException.class)
        .hasMessageContaining("without a Secondary key");
  }

  @Test
  void mapsForbiddenErrorToAnAuthenticationFailureWithRequestId() {
    answer(
        403,
        "<Error xmlns=\"http://schemas.microsoft.com/windowsazure\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<Code>ForbiddenError</Code><Message>The server failed to authenticate the request.</Message></Error>",
        "req-403");
    StorageServiceException e =
        catchThrowableOfType(
            StorageServiceException.class,
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.errorCode()).contains("ForbiddenError");
    assertThat(e.serviceMessage()).contains("The server failed to authenticate the request.");
    assertThat(e.requestId()).contains("req-403");
    assertThat(e.isAuthenticationFailure()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 409})
  void mapsClassicErrorCodes(int status) {
    String code =
        switch (status) {
          case 404 -> "ResourceNotFound";
          case 409 -> "ConflictError";
          default -> "AuthenticationFailed";
        };
    answer(
        status,
        "<Error xmlns=\"https://schemas.microsoft.com/windowsazure\"><Code>"
            + code
            + "</Code><Message>m</Message></Error>",
        "rid");
    StorageServiceException e =
        catchThrowableOfType(
            StorageServiceException.class,
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    assertThat(e.errorCode()).contains(code);
    assertThat(e.requestId()).contains("rid");
    assertThat(e.isNotFound()).isEqualTo(status == 404);
    assertThat(e.isConflict()).isEqualTo(status == 409);
    assertThat(e.isAuthenticationFailure()).isEqualTo(status == 400);
    assertThat(e.getMessage()).contains("HTTP " + status + " " + code);
  }

  @Test
  void refusesAnXxePayloadWithoutLeakingTheFile(@TempDir Path dir) throws Exception {
    Canary canary = Canary.named("xxe");
    Path secret = Files.writeString(dir.resolve("secret.txt"), canary.value());
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE StorageService [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]>"
            + storageService("", "&x;", "&x;");
    answer(200, xxe, "r");
    RekeyException e =
        catchThrowableOfType(
            RekeyException.class,
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    canary.assertAbsentFromThrowable(e);
    wm.resetAll();
    answer(
        403,
        "<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><Error><Code>&x;</Code><Message>&x;</Message></Error>",
        "r");
    StorageServiceException refused =
        catchThrowableOfType(
            StorageServiceException.class,
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    canary.assertAbsentFromThrowable(refused);
    assertThat(refused.errorCode()).isEmpty();
    canary.assertAbsentFrom("logs", logs.text());
  }

  @Test
  void followsOneTemporaryRedirectAndResendsTheRotationThere() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(307)
                    .withHeader("Location", "/moved" + PATH + "?action=regenerate")
                    .withBody(
                        "<Error><Code>TemporaryRedirect</Code><Message>moved</Message></Error>")));
    wm.stubFor(
        post(urlPathEqualTo("/moved" + PATH))
            .willReturn(aResponse().withStatus(200).withBody(storageService("", KEY_A, KEY_B))));
    assertThat(
            client
                .regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY))
                .primary()
                .reveal())
        .isEqualTo(KEY_A);
    wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo("/moved" + PATH))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                    "<KeyType>Primary</KeyType>")));
  }

  @Test
  void asyncFormFollowsTheRedirectToo() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(307)
                    .withHeader("Location", "/moved" + PATH + "?action=regenerate")));
    wm.stubFor(
        post(urlPathEqualTo("/moved" + PATH))
            .willReturn(aResponse().withStatus(200).withBody(storageService("", KEY_A, KEY_B))));
    StorageServiceKeys keys =
        client
            .regenerateKeysAsync(
                dev.rekey.azure.storage.model.RegenerateKeysRequest.builder()
                    .serviceName("mystore")
                    .keyType(KeyType.SECONDARY)
                    .build())
            .join();
    assertThat(keys.secondary().reveal()).isEqualTo(KEY_B);
    wm.verify(1, postRequestedFor(urlPathEqualTo("/moved" + PATH)));
  }

  @Test
  void refusesARedirectWithoutLocation() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(307)));
    assertThatThrownBy(
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)))
        .isInstanceOf(StorageServiceException.class)
        .hasMessageContaining("without a usable Location");
    wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void followsARedirectAtMostOnce() {
    wm.stubFor(
        post(urlPathMatching(".*/keys"))
            .willReturn(aResponse().withStatus(307).withHeader("Location", "/again" + PATH)));
    StorageServiceException e =
        catchThrowableOfType(
            StorageServiceException.class,
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    assertThat(e.statusCode()).isEqualTo(307);
    assertThat(e.errorCode()).contains("TemporaryRedirect");
    wm.verify(2, postRequestedFor(urlPathMatching(".*/keys")));
  }

  @Test
  void serverBusyWithoutRetryAfterIsAnUnknownOutcomeAndIsNotResent() {
    answer(503, "<Error><Code>ServerBusy</Code><Message>busy</Message></Error>", "r");
    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class,
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            StorageServiceException.class, s -> assertThat(s.isThrottled()).isTrue());
    wm.verify(1, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void serverBusyWithRetryAfterIsResent() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("busy")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Retry-After", "1")
                    .withBody("<Error><Code>ServerBusy</Code></Error>"))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("busy")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withBody(storageService("", KEY_A, KEY_B))));
    assertThat(
            client
                .regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY))
                .primary()
                .reveal())
        .isEqualTo(KEY_A);
    wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void validatesBeforeSendingAnything() {
    for (String bad : new String[] {"ab", "a".repeat(25), "MyStore", "my-store", "my_store", ""}) {
      assertThatThrownBy(
              () -> client.regenerateKeys(r -> r.serviceName(bad).keyType(KeyType.PRIMARY)))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("serviceName")
          .hasMessageContaining("must be 3-24 lowercase letters and digits");
    }
    assertThatThrownBy(() -> client.regenerateKeys(r -> r.keyType(KeyType.PRIMARY)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("serviceName"))
        .hasMessage("serviceName null must not be null");
    assertThatThrownBy(() -> client.regenerateKeys(r -> r.serviceName("mystore")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("keyType"));
    assertThatThrownBy(
            () ->
                ClassicStorageKeysClient.builder()
                    .subscriptionId("not-a-uuid")
                    .credential(credential)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("subscriptionId \"not-a-uuid\" must be a UUID");
    assertThatThrownBy(
            () -> ClassicStorageKeysClient.builder().subscriptionId(TestSupport.SUB).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("exactly one of credential and managementCertificate");
    assertThatThrownBy(
            () ->
                ClassicStorageKeysClient.builder()
                    .subscriptionId(TestSupport.SUB)
                    .credential(credential)
                    .apiVersion("2008-01-01")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("2009-10-01");
    for (String notADate : new String[] {"2011-13-01", "2011-06-32", "2011-6-1", "2011-06-01x"}) {
      assertThatThrownBy(
              () ->
                  ClassicStorageKeysClient.builder()
                      .subscriptionId(TestSupport.SUB)
                      .credential(credential)
                      .apiVersion(notADate)
                      .build())
          .isInstanceOf(ValidationException.class)
          .hasMessage("apiVersion \"" + notADate + "\" must be a date like 2011-06-01");
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void keysNeverReachLogsOrToStringAtBodyLevel() {
    Canary canary = Canary.named("key");
    answer(
        200,
        storageService("http://schemas.microsoft.com/windowsazure", canary.value(), KEY_B),
        "r");
    StorageServiceKeys keys =
        client
            .regenerateKeysAsync(
                dev.rekey.azure.storage.model.RegenerateKeysRequest.builder()
                    .serviceName("mystore")
                    .keyType(KeyType.PRIMARY)
                    .build())
            .join();
    assertThat(keys.primary().reveal()).isEqualTo(canary.value());
    canary.assertAbsentFrom("toString", keys.toString());
    canary.assertAbsentFrom("logs", logs.text());
    assertThat(logs.linesExceptFrom("org.eclipse", "com.github.tomakehurst", "wiremock"))
        .noneMatch(l -> l.contains(TOKEN));
  }
}
