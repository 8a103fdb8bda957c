package dev.rekey.examples.readme;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.ClientCertificate;
import dev.rekey.core.Secret;
import dev.rekey.core.poll.Operation;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.netapp.model.BucketCredentials;
import dev.rekey.ontap.OntapClient;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** README quickstarts, one per service; compiled by the build and kept equal to README by ReadmeSnippetsTest. */
final class Quickstarts {
  private Quickstarts() {}

  static void acr() {
    // readme:acr:start
    try (AcrClient acr = AcrClient.builder()
        .credential(new DefaultAzureCredentialBuilder().build())
        .subscriptionId("00000000-0000-0000-0000-000000000000")
        .build()) {
      GeneratedCredentials creds = acr.generateCredentials(r -> r
          .resourceGroup("myResourceGroup").registry("myRegistry").token("myToken")
          .passwordName(TokenPasswordName.PASSWORD1)
          .expiry(Instant.now().plus(Duration.ofDays(30))));
      Secret password1 = creds.password(TokenPasswordName.PASSWORD1).orElseThrow().value();
    }
    // readme:acr:end
  }

  static void netApp(TokenCredential credential) {
    // readme:netapp:start
    try (NetAppClient anf = NetAppClient.builder().credential(credential).build()) {
      BucketCredentials keys = anf.generateBucketCredentials(r -> r
          .bucketId("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myRG/providers"
              + "/Microsoft.NetApp/netAppAccounts/account1/capacityPools/pool1/volumes/volume1/buckets/bucket1")
          .expiresIn(Duration.ofDays(30)));
      boolean rotateSoon = keys.expiresWithin(Duration.ofDays(7), Clock.systemUTC());
    }
    // readme:netapp:end
  }

  static void storageArm(TokenCredential credential, String subscriptionId) {
    // readme:storage-arm:start
    try (StorageAccountKeysClient storage = StorageAccountKeysClient.builder()
        .credential(credential).subscriptionId(subscriptionId).build()) {
      // Apps use key1: regenerate key2, switch the apps to it, then call again with inUse(KeyName.KEY2).
      StorageAccountKeys keys = storage.rotateStandbyKey(r -> r
          .resourceGroup("myRG").accountName("mystore").inUse(KeyName.KEY1));
      Secret key2 = keys.key(KeyName.KEY2).orElseThrow().value();
    }
    // readme:storage-arm:end
  }

  static void storageClassic(String subscriptionId) {
    // readme:storage-classic:start
    Secret pfxPassword = Secret.of(System.getenv("PFX_PASSWORD")); // secrets are Secret: toString is ****
    try (ClassicStorageKeysClient classic = ClassicStorageKeysClient.builder()
        .subscriptionId(subscriptionId)
        .managementCertificate(ClientCertificate.fromPkcs12(Path.of("management.pfx"), pfxPassword))
        .build()) {
      StorageServiceKeys keys = classic.regenerateKeys(r -> r
          .serviceName("myclassicstore").keyType(KeyType.SECONDARY));
    }
    // readme:storage-classic:end
  }

  static void ontap() throws IOException {
    // readme:ontap:start
    Secret adminPassword = Secret.of(System.getenv("ONTAP_ADMIN_PASSWORD")); // toString is ****
    Secret newPassword = Secret.of(System.getenv("SVC_BACKUP_NEW_PASSWORD"));
    try (OntapClient ontap = OntapClient.builder()
        .endpoint(URI.create("https://cluster-mgmt.example"))
        .trustCertificatePem(Files.readString(Path.of("cluster-ca.pem")))
        .basic("admin", adminPassword)
        .build()) {
      PasswordChangeResult result = ontap.changePassword(r -> r
          .name("svc_backup").password(newPassword).confirmOutcome(true));
    }
    // readme:ontap:end
  }

  static void forms(AcrClient acr, dev.rekey.acr.model.GenerateCredentialsRequest request) {
    // readme:forms:start
    GeneratedCredentials now = acr.generateCredentials(request);                // sync
    Operation<GeneratedCredentials> op = acr.beginGenerateCredentials(request);  // id at once, then
    GeneratedCredentials later = op.waitForCompletion(Duration.ofMinutes(5));    //   poll() / toFuture()
    CompletableFuture<GeneratedCredentials> future = acr.generateCredentialsAsync(request);
    // readme:forms:end
  }
}
