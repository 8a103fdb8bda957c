package dev.rekey.rotation.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.acr.AcrClient;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.core.ValidationException;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.rotation.Verifier;
import dev.rekey.testkit.FakeTokenCredential;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A target refuses a name its client would refuse when it is built, with the client's rule, instead
 * of at the first rotate; nothing is sent either way.
 */
class AzureTargetsCheckNamesAtBuildTest {
  private static final Verifier ACCEPTS_ALL = (context, credential) -> {};
  private static final AcrClient ACR =
      AcrClient.builder()
          .subscriptionId(AzureTestSupport.SUB)
          .credential(FakeTokenCredential.INSTANCE)
          .build();
  private static final StorageAccountKeysClient STORAGE =
      StorageAccountKeysClient.builder()
          .subscriptionId(AzureTestSupport.SUB)
          .credential(FakeTokenCredential.INSTANCE)
          .build();
  private static final ClassicStorageKeysClient CLASSIC =
      ClassicStorageKeysClient.builder()
          .subscriptionId(AzureTestSupport.SUB)
          .credential(FakeTokenCredential.INSTANCE)
          .build();
  private static final NetAppClient NETAPP =
      NetAppClient.builder().credential(FakeTokenCredential.INSTANCE).build();

  @AfterAll
  static void close() {
    ACR.close();
    STORAGE.close();
    CLASSIC.close();
    NETAPP.close();
  }

  private static void refused(ThrowingCallable build, String field, String message) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessage(message);
  }

  private static AcrPasswordTarget.Builder acr(String group, String registry, String token) {
    return AcrPasswordTarget.builder()
        .client(ACR)
        .resourceGroup(group)
        .registry(registry)
        .token(token)
        .verifier(ACCEPTS_ALL);
  }

  private static StorageKeyTarget storage(String group, String account) {
    return StorageKeyTarget.builder()
        .client(STORAGE)
        .resourceGroup(group)
        .account(account)
        .verifier(ACCEPTS_ALL)
        .build();
  }

  @Test
  void anAcrTargetRefusesANameTheRegistryClientRefuses() {
    assertThat(acr("rg", "myregistry", "my-token").build().id())
        .isEqualTo("acr:rg/myregistry/my-token");
    refused(
        () -> acr("rg", "my-reg!", "my-token").build(),
        "registry",
        "registry \"my-reg!\" must match ^[a-zA-Z0-9]*$");
    refused(
        () -> acr("rg", "myregistry", "tok").build(),
        "token",
        "token \"tok\" must be 5–50 characters (was 3)");
    refused(
        () -> acr("rg.", "myregistry", "my-token").build(),
        "resourceGroup",
        "resourceGroup \"rg.\" must not end with a period");
  }

  @Test
  void anAcrTargetRefusesAPasswordLifetimeThatIsNotPositive() {
    refused(
        () -> acr("rg", "myregistry", "my-token").passwordLifetime(Duration.ZERO).build(),
        "passwordLifetime",
        "passwordLifetime \"PT0S\" must be positive");
  }

  @Test
  void aStorageTargetRefusesANameTheStorageClientRefuses() {
    assertThat(storage("rg", "mystore").id()).isEqualTo("storage:rg/mystore");
    refused(
        () -> storage("rg", "My_Store"),
        "account",
        "account \"My_Store\" must be 3-24 lowercase letters and digits (^[a-z0-9]{3,24}$)");
    refused(
        () -> storage("my/rg", "mystore"),
        "resourceGroup",
        "resourceGroup \"my/rg\" must contain only letters, digits, '_', '-', '.', '(' and ')'");
  }

  @Test
  void aClassicStorageTargetRefusesAServiceNameTheClassicClientRefuses() {
    assertThat(ClassicStorageKeyTarget.of(CLASSIC, "mystore", ACCEPTS_ALL).id())
        .isEqualTo("classic-storage:mystore");
    refused(
        () -> ClassicStorageKeyTarget.of(CLASSIC, "MyStore", ACCEPTS_ALL),
        "serviceName",
        "serviceName \"MyStore\" must be 3-24 lowercase letters and digits (^[a-z0-9]{3,24}$)");
  }

  @Test
  void aNetAppTargetRefusesALifetimeTheNetAppClientRefuses() {
    BucketAddress bucket =
        BucketAddress.builder()
            .subscriptionId(AzureTestSupport.SUB)
            .resourceGroup("rg")
            .account("account")
            .pool("pool1")
            .volume("volume1")
            .bucket("bucket1")
            .build();
    assertThat(NetAppKeyPairTarget.of(NETAPP, bucket, Duration.ofDays(30), ACCEPTS_ALL).id())
        .startsWith("netapp:");
    refused(
        () -> NetAppKeyPairTarget.of(NETAPP, bucket, Duration.ofHours(36), ACCEPTS_ALL),
        "lifetime",
        "lifetime \"PT36H\" must be a whole number of days, at least 1");
  }
}
