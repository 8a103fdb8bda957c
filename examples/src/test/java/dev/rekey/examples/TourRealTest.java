package dev.rekey.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.azure.core.credential.TokenCredential;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.FakeTokenCredential;
import dev.rekey.testkit.NetAppEmulator;
import dev.rekey.testkit.OntapEmulator;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Tour --real}: the real-endpoint wiring, driven only by environment variables, pointed at
 * the emulators through {@code REKEY_ENDPOINT} (Azure) and {@code ONTAP_ADDRESS}/{@code
 * ONTAP_CA_FILE}.
 */
@RekeyEmulators
class TourRealTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000000";
  private static final Supplier<TokenCredential> ANY_TOKEN = () -> FakeTokenCredential.INSTANCE;
  private static final Supplier<TokenCredential> NO_SIGN_IN =
      () -> fail("no credential may be built");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int tour(Map<String, String> env, Supplier<TokenCredential> credential, String... args) {
    return Tour.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        steps -> {},
        new RealTargets(env, credential));
  }

  private String text() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void missingVariablesAreNamedWithStatusTwoBeforeAnyClientIsBuilt(AcrEmulator acr) {
    int status =
        tour(
            Map.of(
                "AZURE_SUBSCRIPTION_ID",
                SUB,
                "ACR_REGISTRY",
                " ",
                "REKEY_ENDPOINT",
                acr.baseUrl().toString()),
            NO_SIGN_IN,
            "--real",
            "acr");

    assertThat(status).isEqualTo(2);
    assertThat(text())
        .contains(
            "needs these environment variables, not set: ACR_RESOURCE_GROUP, ACR_REGISTRY, ACR_TOKEN")
        .contains("Nothing was sent");
    assertThat(acr.requests()).isEmpty();
  }

  @Test
  void theServiceCanComeFromRekeyTourService() {
    int status = tour(Map.of("REKEY_TOUR_SERVICE", "ontap"), NO_SIGN_IN, "--real");

    assertThat(status).isEqualTo(2);
    assertThat(text())
        .contains(
            "Tour --real ontap needs these environment variables, not set: ONTAP_ADDRESS, ONTAP_USER");
  }

  @Test
  void acrRotatesPassword1OfTheTokenTheEnvironmentNames(AcrEmulator acr) {
    var token = acr.addToken(SUB, "rg", "registry", "ci-token");
    int status =
        tour(
            Map.of(
                "AZURE_SUBSCRIPTION_ID",
                SUB,
                "ACR_RESOURCE_GROUP",
                "rg",
                "ACR_REGISTRY",
                "registry",
                "ACR_TOKEN",
                "ci-token",
                "REKEY_ENDPOINT",
                acr.baseUrl().toString()),
            ANY_TOKEN,
            "--real",
            "acr");

    assertThat(status).as(text()).isZero();
    assertThat(token.generations()).isEqualTo(1);
    assertThat(text())
        .containsPattern("ACR +\\| generateCredentials\\(password1\\) +\\| OK")
        .doesNotContain(token.password("password1").orElseThrow().reveal());
  }

  @Test
  void netAppGeneratesAKeyPairForTheBucketId(NetAppEmulator anf) {
    var bucket = anf.addBucket(SUB, "rg", "account1", "pool1", "volume1", "bucket1");
    String id =
        "/subscriptions/"
            + SUB
            + "/resourceGroups/rg/providers/Microsoft.NetApp/netAppAccounts/account1"
            + "/capacityPools/pool1/volumes/volume1/buckets/bucket1";
    int status =
        tour(
            Map.of("ANF_BUCKET_ID", id, "REKEY_ENDPOINT", anf.baseUrl().toString()),
            ANY_TOKEN,
            "--real",
            "netapp");

    assertThat(status).as(text()).isZero();
    assertThat(bucket.generations()).isEqualTo(1);
    assertThat(text()).doesNotContain(bucket.secretKey().orElseThrow().reveal());
  }

  @Test
  void armStorageRotatesKey2ThenKey1(ArmStorageEmulator arm) {
    var keys = arm.addAccount(SUB, "rg", "mystore");
    int status =
        tour(
            Map.of(
                "AZURE_SUBSCRIPTION_ID",
                SUB,
                "AZURE_STORAGE_RESOURCE_GROUP",
                "rg",
                "AZURE_STORAGE_ACCOUNT",
                "mystore",
                "REKEY_ENDPOINT",
                arm.baseUrl().toString()),
            ANY_TOKEN,
            "--real",
            "storage-arm");

    assertThat(status).as(text()).isZero();
    assertThat(keys.regenerations("key1")).isEqualTo(1);
    assertThat(keys.regenerations("key2")).isEqualTo(1);
    assertThat(text())
        .contains(
            "rotate key2: key1 unchanged, key2 CHANGED; rotate key1: key1 CHANGED, key2 unchanged");
  }

  @Test
  void classicStorageRotatesSecondaryThenPrimaryWithAToken(ClassicStorageEmulator classic) {
    var keys = classic.addAccount(SUB, "classicstore");
    int status =
        tour(
            Map.of(
                "AZURE_SUBSCRIPTION_ID",
                SUB,
                "AZURE_STORAGE_ACCOUNT",
                "classicstore",
                "REKEY_ENDPOINT",
                classic.baseUrl().toString()),
            ANY_TOKEN,
            "--real",
            "storage-classic");

    assertThat(status).as(text()).isZero();
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(keys.regenerations("Primary")).isEqualTo(1);
  }

  @Test
  void ontapChangesItsOwnPasswordOverHttpsTrustingTheCaFile(OntapEmulator ontap, @TempDir Path dir)
      throws IOException {
    ontap.addClusterUser("rotator", "Old1password", true);
    Path ca = Files.writeString(dir.resolve("ca.pem"), ontap.certificatePem());
    int status =
        tour(
            Map.of(
                "ONTAP_ADDRESS",
                ontap.baseUrl().toString(),
                "ONTAP_USER",
                "rotator",
                "ONTAP_PASSWORD",
                "Old1password",
                "ONTAP_TARGET_USER",
                "rotator",
                "ONTAP_NEW_PASSWORD",
                "New1password",
                "ONTAP_CA_FILE",
                ca.toString()),
            NO_SIGN_IN,
            "--real",
            "ontap");

    assertThat(status).as(text()).isZero();
    assertThat(ontap.clusterUser("rotator").orElseThrow().changes()).isEqualTo(1);
    assertThat(text())
        .contains("old password refused, new password logs in")
        .doesNotContain("New1password", "Old1password");
  }

  @Test
  void aRealStepThatFailsIsShownAsFailedWithStatusOne(AcrEmulator acr) {
    int status =
        tour(
            Map.of(
                "AZURE_SUBSCRIPTION_ID",
                SUB,
                "ACR_RESOURCE_GROUP",
                "rg",
                "ACR_REGISTRY",
                "registry",
                "ACR_TOKEN",
                "missing-token",
                "REKEY_ENDPOINT",
                acr.baseUrl().toString()),
            ANY_TOKEN,
            "--real",
            "acr");

    assertThat(status).isEqualTo(1);
    assertThat(text()).contains("FAILED", "AcrServiceException");
  }
}
