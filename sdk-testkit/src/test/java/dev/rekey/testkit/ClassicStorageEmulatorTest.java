package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.Certificates;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassicStorageEmulatorTest {
  private static final String SUB = "11111111-1111-1111-1111-111111111111";
  private static final String REGENERATE =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><RegenerateKeys xmlns=\"http://schemas.microsoft.com/windowsazure\"><KeyType>Secondary</KeyType></RegenerateKeys>";
  private static final Map<String, String> HEADERS =
      Map.of("Authorization", "Bearer t", "x-ms-version", "2011-06-01");

  private final ClassicStorageEmulator storage = new ClassicStorageEmulator();
  private RawHttp http = new RawHttp();

  @AfterEach
  void stop() {
    storage.close();
    http.close();
  }

  private HttpUrl keysUrl(String query) {
    return HttpUrl.get(storage.baseUrl())
        .resolve("/" + SUB + "/services/storageservices/mystore/keys" + query);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/xml", "application/xml; charset=utf-8"})
  void regeneratesOnlyTheNamedKeyAndAnswersRealisticXml(String contentType) throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    String primary = keys.key("Primary").orElseThrow().reveal();
    String secondary = keys.key("Secondary").orElseThrow().reveal();
    RawHttp.Answer a =
        http.send("POST", keysUrl("?action=regenerate"), HEADERS, REGENERATE, contentType);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.headers().get("x-ms-request-id")).matches("[0-9a-f]{32}");
    assertThat(a.body())
        .startsWith("<StorageService xmlns=\"http://schemas.microsoft.com/windowsazure\" xmlns:i=")
        .contains("<Primary>" + primary + "</Primary>")
        .doesNotContain(secondary)
        .contains("<ExtendedProperties i:nil=\"true\"/>");
    assertThat(keys.key("Secondary").orElseThrow().reveal()).hasSize(88).isNotEqualTo(secondary);
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(keys.regenerations("Primary")).isZero();
  }

  @Test
  void refusesMissingOrOldVersionHeaderAndUnknownAccounts() throws IOException {
    storage.start();
    storage.addAccount(SUB, "mystore");
    RawHttp.Answer noVersion =
        http.send(
            "POST",
            keysUrl("?action=regenerate"),
            Map.of("Authorization", "Bearer t"),
            REGENERATE,
            "application/xml");
    assertThat(noVersion.status()).isEqualTo(400);
    assertThat(noVersion.body()).contains("<Code>MissingOrIncorrectVersionHeader</Code>");
    RawHttp.Answer old =
        http.send(
            "POST",
            keysUrl("?action=regenerate"),
            Map.of("Authorization", "Bearer t", "x-ms-version", "2009-01-01"),
            REGENERATE,
            "application/xml");
    assertThat(old.status()).isEqualTo(400);
    RawHttp.Answer missing =
        http.send(
            "GET",
            HttpUrl.get(storage.baseUrl())
                .resolve("/" + SUB + "/services/storageservices/other/keys"),
            HEADERS,
            null,
            null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("<Code>ResourceNotFound</Code>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<RegenerateKeys><KeyType>Secondary</KeyType></RegenerateKeys>",
        "<RegenerateKeys xmlns=\"urn:other\"><KeyType>Secondary</KeyType></RegenerateKeys>",
        "<Other xmlns=\"http://schemas.microsoft.com/windowsazure\"><KeyType>Secondary</KeyType></Other>",
        "<RegenerateKeys xmlns=\"http://schemas.microsoft.com/windowsazure\"><KeyType>Both</KeyType></RegenerateKeys>",
        "<!DOCTYPE r [<!ENTITY e \"Secondary\">]><RegenerateKeys xmlns=\"http://schemas.microsoft.com/windowsazure\"><KeyType>&e;</KeyType></RegenerateKeys>",
        "KeyType=Secondary"
      })
  void refusesABodyThatIsNotARegenerateKeysOfTheServiceNamespace(String body) throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    RawHttp.Answer a =
        http.send("POST", keysUrl("?action=regenerate"), HEADERS, body, "application/xml");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("<Code>InvalidXmlRequest</Code>");
    assertThat(keys.regenerations("Secondary")).isZero();
  }

  @Test
  void acceptsTheNamespaceAsTheReferencePageSpellsIt() throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    RawHttp.Answer a =
        http.send(
            "POST",
            keysUrl("?action=regenerate"),
            HEADERS,
            REGENERATE.replace("http://schemas", "https://schemas"),
            "application/xml");
    assertThat(a.status()).isEqualTo(200);
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "2011-06-01x", "9999", "application/xmlfoo"})
  void refusesAVersionThatIsNoDateAndAMediaTypeThatOnlyStartsLikeXml(String value)
      throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    boolean mediaType = value.startsWith("application/");
    RawHttp.Answer a =
        http.send(
            "POST",
            keysUrl("?action=regenerate"),
            mediaType ? HEADERS : Map.of("Authorization", "Bearer t", "x-ms-version", value),
            REGENERATE,
            mediaType ? value : "application/xml");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .contains(
            mediaType
                ? "<Code>InvalidXmlRequest</Code>"
                : "<Code>MissingOrIncorrectVersionHeader</Code>");
    assertThat(keys.regenerations("Secondary")).isZero();
  }

  /**
   * The Regenerate Keys page: Content-Type "Required. Set this header to application/xml". The
   * error-code page has no media-type code; InvalidXmlRequest is its 400 for a body not correctly
   * specified.
   */
  @ParameterizedTest
  @ValueSource(strings = {"text/xml", "application/atom+xml", "application/json", ""})
  void refusesAContentTypeOtherThanApplicationXmlWithInvalidXmlRequest(String contentType)
      throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    RawHttp.Answer a =
        http.send(
            "POST",
            keysUrl("?action=regenerate"),
            HEADERS,
            REGENERATE,
            contentType.isEmpty() ? null : contentType);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("<Code>InvalidXmlRequest</Code>");
    assertThat(keys.regenerations("Secondary")).isZero();
  }

  @Test
  void answersTheDocumentedCodesForAuthenticationActionAndVerb() throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    RawHttp.Answer noToken =
        http.send(
            "POST",
            keysUrl("?action=regenerate"),
            Map.of("x-ms-version", "2011-06-01"),
            REGENERATE,
            "application/xml");
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.body()).contains("<Code>AuthenticationFailed</Code>");
    RawHttp.Answer noAction =
        http.send("POST", keysUrl(""), HEADERS, REGENERATE, "application/xml");
    assertThat(noAction.status()).isEqualTo(400);
    assertThat(noAction.body()).contains("<Code>MissingOrInvalidRequiredQueryParameter</Code>");
    RawHttp.Answer otherAction =
        http.send("POST", keysUrl("?action=list"), HEADERS, REGENERATE, "application/xml");
    assertThat(otherAction.status()).isEqualTo(400);
    assertThat(otherAction.body()).contains("<Code>MissingOrInvalidRequiredQueryParameter</Code>");
    RawHttp.Answer put =
        http.send("PUT", keysUrl("?action=regenerate"), HEADERS, REGENERATE, "application/xml");
    assertThat(put.status()).isEqualTo(400);
    assertThat(put.body()).contains("<Code>InvalidHttpVerb</Code>");
    assertThat(keys.regenerations("Secondary")).isZero();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "400, BadRequest",
    "403, AuthenticationFailed",
    "404, ResourceNotFound",
    "409, ConflictError",
    "500, InternalError",
    "503, ServerBusy"
  })
  void injectedFaultsCarryTheServiceManagementCodeOfTheirStatus(int status, String code)
      throws IOException {
    storage.start();
    storage.addAccount(SUB, "mystore");
    storage.faults().fail(1, status);
    RawHttp.Answer a =
        http.send("POST", keysUrl("?action=regenerate"), HEADERS, REGENERATE, "application/xml");
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.body()).contains("<Code>" + code + "</Code>");
  }

  @Test
  void anOperationIsNotFoundThroughAnotherSubscription() throws IOException {
    storage.start();
    storage.addAccount(SUB, "mystore");
    storage.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);
    String id =
        http.send("POST", keysUrl("?action=regenerate"), HEADERS, REGENERATE, "application/xml")
            .headers()
            .get("x-ms-request-id");
    String other = "22222222-2222-2222-2222-222222222222";
    HttpUrl elsewhere = HttpUrl.get(storage.baseUrl()).resolve("/" + other + "/operations/" + id);
    assertThat(http.send("GET", elsewhere, HEADERS, null, null).status()).isEqualTo(404);
    HttpUrl own = HttpUrl.get(storage.baseUrl()).resolve("/" + SUB + "/operations/" + id);
    assertThat(http.send("GET", own, HEADERS, null, null).status()).isEqualTo(200);
  }

  @Test
  void plannedOperationReportsInProgressThenSucceededUnderTheDashedId() throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    storage.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);
    RawHttp.Answer accepted =
        http.send("POST", keysUrl("?action=regenerate"), HEADERS, REGENERATE, "application/xml");
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.headers().get("x-ms-request-id");
    HttpUrl op = HttpUrl.get(storage.baseUrl()).resolve("/" + SUB + "/operations/" + id);
    assertThat(http.send("GET", op, HEADERS, null, null).body())
        .contains("<Status>InProgress</Status>")
        .doesNotContain("HttpStatusCode");
    assertThat(keys.regenerations("Secondary")).isZero();
    String done = http.send("GET", op, HEADERS, null, null).body();
    assertThat(done)
        .contains("<Status>Succeeded</Status>")
        .contains("<HttpStatusCode>200</HttpStatusCode>")
        .contains(
            "<ID>"
                + id.replaceFirst("(\\w{8})(\\w{4})(\\w{4})(\\w{4})(\\w{12})", "$1-$2-$3-$4-$5")
                + "</ID>");
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
  }

  @Test
  void failedOperationReportsErrorAndKeepsKeys() throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    storage.faults().planNextOperation(0, AsyncPlan.Outcome.FAILED);
    String id =
        http.send("POST", keysUrl("?action=regenerate"), HEADERS, REGENERATE, "application/xml")
            .headers()
            .get("x-ms-request-id");
    String status =
        http.send(
                "GET",
                HttpUrl.get(storage.baseUrl()).resolve("/" + SUB + "/operations/" + id),
                HEADERS,
                null,
                null)
            .body();
    assertThat(status).contains("<Status>Failed</Status>").contains("<Code>InternalError</Code>");
    assertThat(keys.regenerations("Secondary")).isZero();
  }

  @Test
  void managementCertificateIsRequiredOverHttps() throws IOException {
    HeldCertificate management = new HeldCertificate.Builder().commonName("mgmt").build();
    storage.requireManagementCertificate(management.certificate());
    storage.start();
    storage.addAccount(SUB, "mystore");
    HandshakeCertificates withCert =
        new HandshakeCertificates.Builder()
            .addTrustedCertificate(Certificates.decodeCertificatePem(storage.certificatePem()))
            .heldCertificate(management)
            .build();
    http =
        new RawHttp(
            new OkHttpClient.Builder()
                .sslSocketFactory(withCert.sslSocketFactory(), withCert.trustManager())
                .build());
    Map<String, String> versionOnly = Map.of("x-ms-version", "2011-06-01");
    assertThat(http.send("GET", keysUrl(""), versionOnly, null, null).status()).isEqualTo(200);

    HandshakeCertificates noCert =
        new HandshakeCertificates.Builder()
            .addTrustedCertificate(Certificates.decodeCertificatePem(storage.certificatePem()))
            .build();
    try (RawHttp anonymous =
        new RawHttp(
            new OkHttpClient.Builder()
                .sslSocketFactory(noCert.sslSocketFactory(), noCert.trustManager())
                .build())) {
      assertThatThrownBy(() -> anonymous.send("GET", keysUrl(""), versionOnly, null, null))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void lostOperationStatusAnswers404AndKeepsKeys() throws IOException {
    storage.start();
    StorageKeys keys = storage.addAccount(SUB, "mystore");
    storage.faults().loseNextOperation();
    RawHttp.Answer accepted =
        http.send("POST", keysUrl("?action=regenerate"), HEADERS, REGENERATE, "application/xml");
    assertThat(accepted.status()).isEqualTo(202);
    String id = accepted.headers().get("x-ms-request-id");
    RawHttp.Answer status =
        http.send(
            "GET",
            HttpUrl.get(storage.baseUrl()).resolve("/" + SUB + "/operations/" + id),
            HEADERS,
            null,
            null);
    assertThat(status.status()).isEqualTo(404);
    assertThat(keys.regenerations("Secondary")).isZero();
  }
}
