package dev.rekey.examples.readme;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.rekey.acr.AcrClient;
import dev.rekey.azure.AzureCloud;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.core.ClientCertificate;
import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** README auth set-up snippets; compiled by the build and kept equal to README by ReadmeSnippetsTest. */
final class AuthSetup {
  private AuthSetup() {}

  static void azure(String subscriptionId, String tenantId, String clientId, String clientSecret) {
    // readme:auth-azure:start
    // Any azure-core TokenCredential: DefaultAzureCredential (env vars, managed identity, Azure CLI...)
    TokenCredential credential = new DefaultAzureCredentialBuilder().build();
    // ...or a specific one, e.g. a service principal:
    TokenCredential principal = new ClientSecretCredentialBuilder()
        .tenantId(tenantId).clientId(clientId).clientSecret(clientSecret).build();

    AcrClient acr = AcrClient.builder()
        .credential(credential)
        .subscriptionId(subscriptionId)
        .cloud(AzureCloud.PUBLIC) // or CHINA, US_GOVERNMENT, AzureCloud.custom(URI)
        .build();
    // readme:auth-azure:end
    acr.close();
  }

  static void classic(String subscriptionId, TokenCredential credential) throws IOException {
    // readme:auth-classic:start
    Secret pfxPassword = Secret.of(System.getenv("PFX_PASSWORD")); // secrets are Secret: toString is ****
    // A management certificate uploaded to the subscription, from PKCS#12...
    ClientCertificate pfx = ClientCertificate.fromPkcs12(Path.of("management.pfx"), pfxPassword);
    // ...or from PEM (certificate chain + unencrypted PKCS#8 private key)
    ClientCertificate pem = ClientCertificate.fromPem(
        Files.readString(Path.of("management.crt")), Secret.of(Files.readString(Path.of("management.key"))));
    ClassicStorageKeysClient byCertificate = ClassicStorageKeysClient.builder()
        .subscriptionId(subscriptionId).managementCertificate(pfx).build();
    // ...or a token (the identity must be a classic co-administrator of the subscription)
    ClassicStorageKeysClient byToken = ClassicStorageKeysClient.builder()
        .subscriptionId(subscriptionId).credential(credential).build();
    // readme:auth-classic:end
    byCertificate.close();
    byToken.close();
  }

  static void ontap() throws IOException {
    // readme:auth-ontap:start
    Secret password = Secret.of(System.getenv("ONTAP_ADMIN_PASSWORD")); // secrets are Secret: toString is ****
    Secret pfxPassword = Secret.of(System.getenv("PFX_PASSWORD"));
    // Basic auth, trusting the cluster's CA (or self-signed certificate) from a PEM file
    OntapClient basic = OntapClient.builder()
        .endpoint(URI.create("https://cluster-mgmt.example"))
        .basic("admin", password)
        .trustCertificatePem(Files.readString(Path.of("cluster-ca.pem")))
        .build();
    // Client certificate auth (an ONTAP user with the "cert" login method), pinning the server
    // certificate's SHA-256 fingerprint instead of trusting a CA
    OntapClient byCertificate = OntapClient.builder()
        .endpoint(URI.create("https://cluster-mgmt.example"))
        .clientCertificate(ClientCertificate.fromPkcs12(Path.of("admin.p12"), pfxPassword))
        .pinCertificateSha256("9F:86:D0:81:88:4C:7D:65:9A:2F:EA:A0:C5:5A:D0:15:A3:BF:4F:1B:2B:0B:82:2C:D1:5D:6C:15:B0:F0:0A:08")
        .build();
    // Lab clusters only: trust any certificate (logs a warning each time a client is built)
    OntapClient lab = OntapClient.builder()
        .endpoint(URI.create("https://10.0.0.5"))
        .basic("admin", password)
        .insecureTrustAllCertificates()
        .build();
    // readme:auth-ontap:end
    basic.close();
    byCertificate.close();
    lab.close();
  }
}
