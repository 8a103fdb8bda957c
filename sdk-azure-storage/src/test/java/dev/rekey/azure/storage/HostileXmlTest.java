package dev.rekey.azure.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.core.RekeyException;
import dev.rekey.core.test.Canary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * Every XML path of the classic storage client (keys of a rotation, keys of a read, the operation
 * status of a 202, error bodies) meets DTD attacks over real HTTP: each ends in a typed exception,
 * quickly, with no entity expanded, no local file read and no external DTD fetched.
 */
class HostileXmlTest {
  private static final String KEYS =
      "/" + TestSupport.SUB + "/services/storageservices/mystore/keys";
  private static final String OPERATION = "/" + TestSupport.SUB + "/operations/op-1";

  @TempDir static Path dir;
  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  private ClassicStorageKeysClient client;
  private Canary fileCanary;
  private Path secretFile;

  enum Payload {
    EXTERNAL_FILE_ENTITY(
        f -> "<!DOCTYPE StorageService [<!ENTITY x SYSTEM \"" + f.file + "\">]>", "&x;"),
    BILLION_LAUGHS(f -> "<!DOCTYPE StorageService [" + laughs() + "]>", "&lol9;"),
    EXTERNAL_DTD(f -> "<!DOCTYPE StorageService SYSTEM \"" + f.base + "/evil.dtd\">", "x"),
    PARAMETER_ENTITY(
        f -> "<!DOCTYPE StorageService [<!ENTITY % p SYSTEM \"" + f.base + "/evil.dtd\"> %p;]>",
        "&x;");

    final Function<Fixture, String> doctype;
    final String value;

    Payload(Function<Fixture, String> doctype, String value) {
      this.doctype = doctype;
      this.value = value;
    }
  }

  enum XmlPath {
    ROTATION_KEYS,
    READ_KEYS,
    OPERATION_STATUS,
    ERROR_BODY
  }

  record Fixture(String file, String base) {}

  private static String laughs() {
    StringBuilder s = new StringBuilder("<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      String prev = "&lol" + (i - 1) + ";";
      s.append("<!ENTITY lol").append(i).append(" \"").append(prev.repeat(10)).append("\">");
    }
    return s.toString();
  }

  @BeforeEach
  void start() throws Exception {
    wm.start();
    fileCanary = Canary.named("xxe-file");
    secretFile =
        Files.writeString(dir.resolve("secret-" + System.nanoTime() + ".txt"), fileCanary.value());
    wm.stubFor(
        get(urlPathEqualTo("/evil.dtd"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("<!ENTITY x \"" + fileCanary.value() + "\">")));
    client =
        ClassicStorageKeysClient.builder()
            .subscriptionId(TestSupport.SUB)
            .credential(new TestSupport.FakeCredential("tok"))
            .options(TestSupport.options(wm.baseUrl()))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    wm.stop();
  }

  private static ResponseDefinitionBuilder xml(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/xml; charset=utf-8")
        .withHeader("x-ms-request-id", "op-1")
        .withBody(body);
  }

  private static String keysXml(String doctype, String value) {
    return "<?xml version=\"1.0\"?>"
        + doctype
        + "<StorageService xmlns=\"http://schemas.microsoft.com/windowsazure\">"
        + "<Url>https://x/services/storageservices/mystore</Url><StorageServiceKeys><Primary>"
        + value
        + "</Primary><Secondary>"
        + value
        + "</Secondary></StorageServiceKeys></StorageService>";
  }

  @ParameterizedTest(name = "{0} on {1}")
  @org.junit.jupiter.params.provider.MethodSource("cells")
  void everyXmlPathRefusesTheDtdQuicklyWithATypedException(Payload payload, XmlPath path) {
    String doctype =
        payload.doctype.apply(new Fixture(secretFile.toUri().toString(), wm.baseUrl()));
    String hostileKeys = keysXml(doctype, payload.value);
    switch (path) {
      case ROTATION_KEYS ->
          wm.stubFor(post(urlPathEqualTo(KEYS)).willReturn(xml(200, hostileKeys)));
      case READ_KEYS ->
          wm.stubFor(
              get(urlPathEqualTo("/" + TestSupport.SUB + "/services/storageservices/mystore/keys"))
                  .willReturn(xml(200, hostileKeys)));
      case OPERATION_STATUS -> {
        wm.stubFor(post(urlPathEqualTo(KEYS)).willReturn(xml(202, "")));
        wm.stubFor(
            get(urlPathEqualTo(OPERATION))
                .willReturn(
                    xml(
                        200,
                        "<?xml version=\"1.0\"?>"
                            + doctype.replace("StorageService", "Operation")
                            + "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                            + "<ID>op-1</ID><Status>"
                            + payload.value
                            + "</Status><HttpStatusCode>200</HttpStatusCode></Operation>")));
      }
      case ERROR_BODY ->
          wm.stubFor(
              any(urlPathMatching(".*/keys"))
                  .willReturn(
                      xml(
                          409,
                          "<?xml version=\"1.0\"?>"
                              + doctype.replace("StorageService", "Error")
                              + "<Error><Code>"
                              + payload.value
                              + "</Code><Message>"
                              + payload.value
                              + "</Message></Error>")));
      default -> throw new IllegalStateException();
    }
    long start = System.nanoTime();
    Throwable thrown =
        catchThrowable(
            () -> {
              if (path == XmlPath.READ_KEYS) {
                client.getKeys(r -> r.serviceName("mystore"));
              } else {
                client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY));
              }
            });
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(thrown).isInstanceOf(RekeyException.class);
    if (path == XmlPath.ERROR_BODY) {
      assertThat(thrown).isInstanceOf(StorageServiceException.class);
      assertThat(((StorageServiceException) thrown).errorCode()).isEmpty();
    }
    fileCanary.assertAbsentFromThrowable(thrown);
    assertThat(String.join("\n", Canary.describeChain(thrown))).doesNotContain("lollol");
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(wm.findAll(anyRequestedFor(urlPathEqualTo("/evil.dtd"))))
        .as("external DTD fetched")
        .isEmpty();
    assertThat(wm.findAllUnmatchedRequests()).as("every request met the hostile stub").isEmpty();
    if (path == XmlPath.OPERATION_STATUS) {
      assertThat(wm.findAll(anyRequestedFor(urlPathEqualTo(OPERATION))))
          .as("status polled")
          .isNotEmpty();
    }
  }

  static List<org.junit.jupiter.params.provider.Arguments> cells() {
    List<org.junit.jupiter.params.provider.Arguments> out = new ArrayList<>();
    for (Payload p : Payload.values()) {
      for (XmlPath path : XmlPath.values()) {
        out.add(org.junit.jupiter.params.provider.Arguments.of(p, path));
      }
    }
    return out;
  }
}
