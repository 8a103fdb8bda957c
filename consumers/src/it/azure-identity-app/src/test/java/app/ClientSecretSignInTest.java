package app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.Emulators;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class ClientSecretSignInTest {
  private static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  @Test
  void signsInWithAClientSecretThenRotatesAnAcrPassword() throws Exception {
    HeldCertificate localhost =
        new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
    List<String> tokenRequests = new CopyOnWriteArrayList<>();
    try (MockWebServer entra = new MockWebServer();
        Emulators emulators = new Emulators()) {
      // MSAL only talks HTTPS: a loopback Entra ID token endpoint, trusted as the JVM's default.
      entra.useHttps(
          new HandshakeCertificates.Builder()
              .heldCertificate(localhost)
              .build()
              .sslSocketFactory());
      entra.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              tokenRequests.add(request.getMethod() + " " + request.getUrl().encodedPath());
              if (request.getUrl().encodedPath().endsWith("/oauth2/v2.0/token")) {
                return new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/json")
                    .body(
                        "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
                            + "\"access_token\":\"token-from-loopback\"}")
                    .build();
              }
              return new MockResponse.Builder().code(404).build();
            }
          });
      entra.start();
      SSLContext.setDefault(
          new HandshakeCertificates.Builder()
              .addTrustedCertificate(localhost.certificate())
              .build()
              .sslContext());

      TokenCredential credential =
          new ClientSecretCredentialBuilder()
              .authorityHost("https://localhost:" + entra.getPort() + "/")
              .tenantId("00000000-0000-0000-0000-00000000aaaa")
              .clientId("00000000-0000-0000-0000-00000000bbbb")
              .clientSecret("client-secret-value")
              .disableInstanceDiscovery()
              .build();

      AcrToken token = emulators.acr().addToken(SUBSCRIPTION, "rg", "registry", "ci-token");
      GeneratedCredentials creds =
          new KeyRotation(credential, SUBSCRIPTION)
              .acrPassword(emulators.acr().baseUrl(), "rg", "registry", "ci-token");

      assertEquals(1, token.generations());
      assertEquals(token.password("password1").orElseThrow(), creds.passwords().get(0).value());
      assertEquals(
          List.of("POST /00000000-0000-0000-0000-00000000aaaa/oauth2/v2.0/token"), tokenRequests);
      assertEquals(
          "Bearer token-from-loopback",
          emulators.acr().requests().get(0).getHeaders().get("Authorization"));
    }
  }
}
