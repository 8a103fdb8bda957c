package dev.rekey.acr;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.test.Canary;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.LogCapture;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AsyncPlan;
import java.net.URI;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@WireMockTest
class SecretsTest {
  private static final String PATH = AcrClientWireTest.PATH;

  @RegisterExtension final LogCapture logs = new LogCapture();

  private final Canary canary = Canary.named("acr-password");

  private static AcrClient client(String endpoint, String subscriptionId) {
    return AcrClient.builder()
        .credential(new RecordingCredential())
        .subscriptionId(subscriptionId)
        .options(
            ClientOptions.builder()
                .endpoint(URI.create(endpoint))
                .logLevel(HttpLogLevel.BODY)
                .timeSource(new FakeTime())
                .build())
        .build();
  }

  private static final Consumer<dev.rekey.acr.model.GenerateCredentialsRequest.Builder> REQUEST =
      r ->
          r.resourceGroup("myResourceGroup")
              .registry("myRegistry")
              .token("myToken")
              .passwordName(TokenPasswordName.PASSWORD1);

  private String result() {
    return "{\"username\":\"myToken\",\"passwords\":[{\"name\":\"password1\",\"value\":\""
        + canary.value()
        + "\"}]}";
  }

  /** What the client side logged; WireMock's own server logs show what it received, by design. */
  private java.util.List<String> clientLogs() {
    return logs.linesExceptFrom(
        "org.eclipse.jetty", "com.github.tomakehurst", "wiremock", "WireMock");
  }

  private void assertNoSecretLogged() {
    assertThat(String.join("\n", logs.linesOf("dev.rekey.http")))
        .contains("generateCredentials"); // BODY logging did run
    canary.assertAbsentFrom("log", clientLogs());
    assertThat(clientLogs()).noneMatch(line -> line.contains(RecordingCredential.TOKEN));
  }

  @Test
  void generatedPasswordIsAbsentFromToStringAndBodyLevelLogs(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(result())));
    try (AcrClient acr = client(wm.getHttpBaseUrl(), AcrClientWireTest.SUB)) {
      GeneratedCredentials creds = acr.generateCredentials(REQUEST);
      assertThat(creds.password(TokenPasswordName.PASSWORD1).orElseThrow().value().reveal())
          .isEqualTo(canary.value());
      canary.assertAbsentFrom("toString", creds.toString());
      canary.assertAbsentFrom("toString", creds.passwords().toString());
      assertThat(creds.toString()).contains("myToken").contains("****");
    }
    assertNoSecretLogged();
  }

  @Test
  void passwordReadAfterPollingIsAbsentFromLogs(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", "/ops/1")
                    .withHeader("Retry-After", "0")));
    stubFor(get("/ops/1").willReturn(okJson(result())));
    try (AcrClient acr = client(wm.getHttpBaseUrl(), AcrClientWireTest.SUB)) {
      assertThat(acr.generateCredentials(REQUEST).passwords()).hasSize(1);
    }
    assertNoSecretLogged();
  }

  @Test
  void unreadableAnswerKeepsThePasswordOutOfTheException(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(okJson(result().substring(0, result().length() - 3))));
    try (AcrClient acr = client(wm.getHttpBaseUrl(), AcrClientWireTest.SUB)) {
      Throwable error = catchThrowable(() -> acr.generateCredentials(REQUEST));
      assertThat(error).isNotNull();
      canary.assertAbsentFromThrowable(error);
    }
    assertNoSecretLogged();
  }

  @Test
  void errorBodyIsNotQuotedInTheException(WireMockRuntimeInfo wm) {
    stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Conflict\",\"message\":\"busy\"},\"echo\":\""
                            + canary.value()
                            + "\"}")));
    try (AcrClient acr = client(wm.getHttpBaseUrl(), AcrClientWireTest.SUB)) {
      Throwable error = catchThrowable(() -> acr.generateCredentials(REQUEST));
      assertThat(error).isInstanceOf(AcrServiceException.class).hasMessageContaining("Conflict");
      canary.assertAbsentFromThrowable(error);
    }
    canary.assertAbsentFrom("log", clientLogs());
  }

  @Test
  void emulatorPasswordsNeverReachTheLogsSyncOrAsync() throws Exception {
    String sub = "11111111-2222-3333-4444-555555555555";
    try (AcrEmulator emulator = new AcrEmulator()) {
      emulator.start();
      emulator.addToken(sub, "myResourceGroup", "myRegistry", "myToken");
      emulator.faults().planNextOperation(AsyncPlan.asyncOperation(1));
      try (AcrClient acr = client(emulator.baseUrl().toString(), sub)) {
        GeneratedCredentials sync = acr.generateCredentials(REQUEST);
        GeneratedCredentials async = acr.generateCredentialsAsync(REQUEST).get();
        for (GeneratedCredentials c : new GeneratedCredentials[] {sync, async}) {
          c.passwords().forEach(p -> assertThat(logs.text()).doesNotContain(p.value().reveal()));
        }
      }
    }
  }
}
