package dev.rekey.rotation.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.FakeTime;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.Slot;
import dev.rekey.rotation.VerificationFailedException;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.StorageKeys;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

@RekeyEmulators
class StorageKeyVerifierTest {
  private static final RotationContext CONTEXT = RotationContext.of("rot-1", "storage:mystore");

  /** A verifier of account mystore whose clock reads {@code now}. */
  private static StorageKeyVerifier verifierAt(ArmStorageEmulator storage, Instant now) {
    return StorageKeyVerifier.builder()
        .accountName("mystore")
        .endpoint(storage.blobEndpoint("mystore"))
        .options(
            ClientOptions.builder()
                .from(AzureTestSupport.options())
                .timeSource(new FakeTime(now))
                .build())
        .build();
  }

  private static StorageKeyVerifier verifier(URI blobEndpoint, String account) {
    return StorageKeyVerifier.builder()
        .accountName(account)
        .endpoint(blobEndpoint)
        .options(AzureTestSupport.options())
        .build();
  }

  private static void regenerate(ArmStorageEmulator storage, String keyName) {
    HttpUrl url =
        HttpUrl.get(storage.baseUrl())
            .resolve(
                "/subscriptions/"
                    + AzureTestSupport.SUB
                    + "/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/mystore/regenerateKey?api-version=2023-05-01");
    assertThat(AzureTestSupport.post(url, "application/json", "{\"keyName\":\"" + keyName + "\"}"))
        .isEqualTo(200);
  }

  @Test
  void eitherCurrentKeyPassesAndARegeneratedAwayKeyFailsNamingItsSlot(ArmStorageEmulator storage) {
    StorageKeys keys = storage.addAccount(AzureTestSupport.SUB, "rg", "mystore");
    Secret oldKey1 = keys.key("key1").orElseThrow();
    try (StorageKeyVerifier verifier = verifier(storage.blobEndpoint("mystore"), "mystore")) {
      verifier.verify(CONTEXT, Credential.of(Slot.of("key1"), oldKey1));
      verifier.verify(CONTEXT, Credential.of(Slot.of("key2"), keys.key("key2").orElseThrow()));

      regenerate(storage, "key1");
      assertThatThrownBy(() -> verifier.verify(CONTEXT, Credential.of(Slot.of("key1"), oldKey1)))
          .isInstanceOfSatisfying(
              VerificationFailedException.class,
              e -> {
                assertThat(e.slot()).isEqualTo(Slot.of("key1"));
                assertThat(e.targetId()).isEqualTo("storage:mystore");
                assertThat(e.getMessage())
                    .contains("key1")
                    .contains("AuthenticationFailed")
                    .doesNotContain(oldKey1.reveal());
                assertThat(e.getCause()).isInstanceOf(ServiceException.class);
              });
      verifier.verify(CONTEXT, Credential.of(Slot.of("key1"), keys.key("key1").orElseThrow()));
    }
    assertThat(storage.count("GET", "/blob/mystore/")).isEqualTo(4);
  }

  @Test
  void aDayOfTheMonthBelowTenIsWrittenWithTwoDigitsAsTheServiceReadsIt(ArmStorageEmulator storage) {
    Instant third = Instant.parse("2026-06-03T10:00:00Z");
    storage.clock(Clock.fixed(third, ZoneOffset.UTC));
    StorageKeys keys = storage.addAccount(AzureTestSupport.SUB, "rg", "mystore");
    try (StorageKeyVerifier verifier = verifierAt(storage, third)) {
      verifier.verify(CONTEXT, Credential.of(Slot.of("key1"), keys.key("key1").orElseThrow()));
    }
  }

  @Test
  void clocksMoreThanFifteenMinutesApartLeaveTheKeyUncheckedNotRejected(
      ArmStorageEmulator storage) {
    Instant now = Instant.parse("2026-06-13T10:00:00Z");
    storage.clock(Clock.fixed(now.plus(Duration.ofMinutes(20)), ZoneOffset.UTC));
    StorageKeys keys = storage.addAccount(AzureTestSupport.SUB, "rg", "mystore");
    try (StorageKeyVerifier verifier = verifierAt(storage, now)) {
      Credential good = Credential.of(Slot.of("key1"), keys.key("key1").orElseThrow());
      assertThatThrownBy(() -> verifier.verify(CONTEXT, good))
          .isInstanceOf(ServiceException.class)
          .isNotInstanceOf(VerificationFailedException.class)
          .hasMessageContaining("more than 15 minutes from this machine's");
    }
  }

  @Test
  void classicPrimaryAndSecondaryVerifyTheSameWay(ClassicStorageEmulator classic) {
    StorageKeys keys = classic.addAccount(AzureTestSupport.SUB, "mystore");
    Secret secondary = keys.key("Secondary").orElseThrow();
    try (StorageKeyVerifier verifier = verifier(classic.blobEndpoint("mystore"), "mystore")) {
      verifier.verify(
          CONTEXT, Credential.of(Slot.of("primary"), keys.key("Primary").orElseThrow()));
      verifier.verify(CONTEXT, Credential.of(Slot.of("secondary"), secondary));
      HttpUrl regenerate =
          HttpUrl.get(classic.baseUrl())
              .resolve(
                  "/"
                      + AzureTestSupport.SUB
                      + "/services/storageservices/mystore/keys?action=regenerate");
      assertThat(
              AzureTestSupport.post(
                  regenerate,
                  "application/xml",
                  "<RegenerateKeys xmlns=\"http://schemas.microsoft.com/windowsazure\"><KeyType>Secondary</KeyType></RegenerateKeys>",
                  "x-ms-version",
                  "2011-06-01"))
          .isEqualTo(200);
      assertThatThrownBy(
              () -> verifier.verify(CONTEXT, Credential.of(Slot.of("secondary"), secondary)))
          .isInstanceOfSatisfying(
              VerificationFailedException.class,
              e -> assertThat(e.slot()).isEqualTo(Slot.of("secondary")));
    }
  }

  @Test
  void aKeyThatIsNotBase64FailsWithoutACall(ArmStorageEmulator storage) {
    storage.addAccount(AzureTestSupport.SUB, "rg", "mystore");
    try (StorageKeyVerifier verifier = verifier(storage.blobEndpoint("mystore"), "mystore")) {
      assertThatThrownBy(
              () ->
                  verifier.verify(
                      CONTEXT,
                      Credential.of(Slot.of("key2"), Secret.of("RKYCANARY not base64 !!"))))
          .isInstanceOf(VerificationFailedException.class)
          .hasMessageContaining("not base64")
          .hasMessageNotContaining("RKYCANARY");
    }
    assertThat(storage.requests()).isEmpty();
  }

  @Test
  void aRefusalThatSaysNothingAboutTheKeyIsAServiceException(ArmStorageEmulator storage) {
    StorageKeys keys = storage.addAccount(AzureTestSupport.SUB, "rg", "mystore");
    try (StorageKeyVerifier verifier = verifier(storage.blobEndpoint("otherstore"), "otherstore")) {
      assertThatThrownBy(
              () ->
                  verifier.verify(
                      CONTEXT, Credential.of(Slot.of("key1"), keys.key("key1").orElseThrow())))
          .isInstanceOf(ServiceException.class)
          .isNotInstanceOf(VerificationFailedException.class)
          .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(404));
    }
  }

  @Test
  void theDefaultEndpointIsTheAccountsBlobHostInItsCloud() {
    try (StorageKeyVerifier v =
        StorageKeyVerifier.builder()
            .accountName("mystore")
            .cloud(dev.rekey.azure.AzureCloud.CHINA)
            .build()) {
      assertThat(v.toString()).contains("https://mystore.blob.core.chinacloudapi.cn/");
    }
    assertThatThrownBy(() -> StorageKeyVerifier.builder().accountName("My_Store").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("accountName");
  }
}
