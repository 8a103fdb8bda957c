package dev.rekey.rotation.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ServiceException;
import dev.rekey.rotation.Published;
import dev.rekey.rotation.Slot;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink against bodies shaped as Key Vault's REST reference documents them (Get Secret's sample
 * SecretBundle, the documented error envelope), not as our emulator writes them.
 */
class KeyVaultSinkReadsDocumentedShapesTest {
  private final MockWebServer server = new MockWebServer();
  private KeyVaultSink sink;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getLoopbackAddress(), 0);
    sink =
        KeyVaultSink.builder()
            .credential(new AzureTestSupport.RecordingCredential())
            .vaultUrl(URI.create(server.url("/").toString()))
            .secretName("mysecretname")
            .options(AzureTestSupport.options())
            .build();
  }

  @AfterEach
  void stop() {
    sink.close();
    server.close();
  }

  private void answer(int status, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .setHeader("Content-Type", "application/json; charset=utf-8")
            .setHeader("x-ms-request-id", "6f3a5e0d-0000-0000-0000-000000000001")
            .body(body)
            .build());
  }

  @Test
  void readsTheDocumentedSecretBundleWithItsVersionTagsAndExpiry() throws InterruptedException {
    answer(
        200,
        "{\"value\":\"RKYCANARYdocumentedvalue00\","
            + "\"id\":\"https://myvault.vault.azure.net/secrets/mysecretname/4387e9f3d6e14c459867679a90fd0f79\","
            + "\"attributes\":{\"enabled\":true,\"exp\":1893456000,\"created\":1493938410,\"updated\":1493938410,"
            + "\"recoveryLevel\":\"Recoverable+Purgeable\",\"recoverableDays\":90},"
            + "\"tags\":{\"rekey-rotation-id\":\"r1\",\"rekey-slot\":\"key1\",\"rekey-state\":\"current\"}}");

    Published current = sink.current("storage:rg/mystore").orElseThrow();

    assertThat(current.version()).contains("4387e9f3d6e14c459867679a90fd0f79");
    assertThat(current.slot()).isEqualTo(Slot.of("key1"));
    assertThat(current.rotationId()).isEqualTo("r1");
    assertThat(current.credential().expiry()).contains(Instant.ofEpochSecond(1893456000));
    assertThat(current.credential().value().reveal()).isEqualTo("RKYCANARYdocumentedvalue00");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/secrets/mysecretname");
    assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("7.5");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer fake-vault-token");
  }

  @Test
  void theDocumentedSecretNotFoundIsNothingPublished() {
    answer(
        404,
        "{\"error\":{\"code\":\"SecretNotFound\",\"message\":\"A secret with (name/id) mysecretname was not found in this key vault.\"}}");
    assertThat(sink.current("storage:rg/mystore")).isEmpty();
  }

  @Test
  void a404ThatIsNotSecretNotFoundIsNotReadAsNothingPublished() {
    // a wrong path or a proxy's 404 says nothing about the secret; "nothing published" would make
    // a dual-slot rotation regenerate the slot applications use
    answer(404, "{\"error\":{\"code\":\"NotFound\",\"message\":\"Not found.\"}}");
    assertThatThrownBy(() -> sink.current("storage:rg/mystore"))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.errorCode()).contains("NotFound"));
  }

  @Test
  void theDocumentedForbiddenIsAServiceExceptionWithItsCode() {
    answer(
        403,
        "{\"error\":{\"code\":\"Forbidden\",\"message\":\"The user, group or application does not have secrets get permission on key vault 'myvault'.\","
            + "\"innererror\":{\"code\":\"AccessDenied\"}}}");
    assertThatThrownBy(() -> sink.current("storage:rg/mystore"))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.errorCode()).contains("Forbidden");
              assertThat(e.requestId()).contains("6f3a5e0d-0000-0000-0000-000000000001");
            });
  }
}
