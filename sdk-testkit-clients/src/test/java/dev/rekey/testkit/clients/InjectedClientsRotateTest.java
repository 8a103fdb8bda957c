package dev.rekey.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.core.Secret;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.NetAppBucket;
import dev.rekey.testkit.NetAppEmulator;
import dev.rekey.testkit.OntapAccount;
import dev.rekey.testkit.OntapEmulator;
import dev.rekey.testkit.StorageKeys;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each injected client does one real rotation over HTTP against its emulator, with no set-up. */
@RekeyEmulators
class InjectedClientsRotateTest {
  private static final String SUB = RekeyEmulators.SUBSCRIPTION_ID;

  @Test
  void acrClientGeneratesATokenPasswordOnTheAcrEmulator(AcrClient client, AcrEmulator acr) {
    AcrToken token = acr.addToken(SUB, "rg", "registry", "ci-token");

    client.generateCredentials(
        r ->
            r.resourceGroup("rg")
                .registry("registry")
                .token("ci-token")
                .passwordName(TokenPasswordName.PASSWORD1));

    assertThat(token.generations()).isEqualTo(1);
    assertThat(token.password("password1")).isPresent();
    assertThat(token.password("password2")).isEmpty();
  }

  @Test
  void netAppClientGeneratesBucketKeysOnTheNetAppEmulator(
      NetAppClient client, NetAppEmulator netApp) {
    NetAppBucket bucket = netApp.addBucket(SUB, "rg", "account", "pool1", "volume1", "bucket1");

    client.generateBucketCredentials(
        r ->
            r.address(
                    a ->
                        a.subscriptionId(SUB)
                            .resourceGroup("rg")
                            .account("account")
                            .pool("pool1")
                            .volume("volume1")
                            .bucket("bucket1"))
                .expiresIn(Duration.ofDays(30)));

    assertThat(bucket.generations()).isEqualTo(1);
    assertThat(bucket.accessKey()).isPresent();
    assertThat(bucket.secretKey()).isPresent();
  }

  @Test
  void storageAccountKeysClientRegeneratesKey1OnTheArmStorageEmulator(
      StorageAccountKeysClient client, ArmStorageEmulator arm) {
    StorageKeys keys = arm.addAccount(SUB, "rg", "account");

    client.regenerateKey(r -> r.resourceGroup("rg").accountName("account").keyName(KeyName.KEY1));

    assertThat(keys.regenerations("key1")).isEqualTo(1);
    assertThat(keys.regenerations("key2")).isZero();
  }

  @Test
  void classicStorageKeysClientRegeneratesTheSecondaryKeyWithATokenOnTheClassicEmulator(
      ClassicStorageKeysClient client, ClassicStorageEmulator classic) {
    StorageKeys keys = classic.addAccount(SUB, "store");
    Secret primary = keys.key("Primary").orElseThrow();

    client.regenerateKeys(r -> r.serviceName("store").keyType(KeyType.SECONDARY));

    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(keys.key("Primary")).contains(primary);
    assertThat(classic.requests())
        .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer "));
  }

  @Test
  void ontapClientChangesAPasswordOverHttpsOnTheOntapEmulator(
      OntapClient client, OntapEmulator ontap) {
    Secret old = Secret.of("Pw1oldPasswordForAppUser");
    OntapAccount user = ontap.addClusterUser("app_user", old.reveal(), false);

    client.changePassword(
        r ->
            r.name("app_user")
                .password(Secret.of("Pw1newPasswordForAppUser"))
                .confirmOutcome(true));

    assertThat(user.changes()).isEqualTo(1);
    assertThat(client.verifyPassword(r -> r.name("app_user").password(old))).isFalse();
    assertThat(ontap.baseUrl().getScheme()).isEqualTo("https");
  }

  @Test
  void injectedClientsPollAndHonourRetryAfterWithoutSlowingTheTest(
      AcrClient client, AcrEmulator acr) {
    AcrToken token = acr.addToken(SUB, "rg", "registry", "ci-token");
    acr.faults().throttle(1, Duration.ofSeconds(30));
    acr.faults().planNextOperation(AsyncPlan.location(5));
    long start = System.nanoTime();

    client.generateCredentials(
        r ->
            r.resourceGroup("rg")
                .registry("registry")
                .token("ci-token")
                .passwordName(TokenPasswordName.PASSWORD2));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(token.generations()).isEqualTo(1);
    assertThat(acr.count("POST", ".*/generateCredentials")).isEqualTo(2);
  }
}
