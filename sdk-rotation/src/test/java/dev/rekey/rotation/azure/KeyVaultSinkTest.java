package dev.rekey.rotation.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.ValidationException;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.Published;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.Slot;
import dev.rekey.testkit.KeyVaultEmulator;
import dev.rekey.testkit.KeyVaultSecretVersion;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@RekeyEmulators
class KeyVaultSinkTest {
  private static final String TARGET = "storage:mystore";
  private static final Instant EXPIRY = Instant.parse("2027-06-01T00:00:00Z");

  private final KeyVaultEmulator vault;
  private final AzureTestSupport.RecordingCredential credential =
      new AzureTestSupport.RecordingCredential();
  private final KeyVaultSink sink;

  KeyVaultSinkTest(KeyVaultEmulator vault) {
    this.vault = vault;
    this.sink =
        KeyVaultSink.builder()
            .credential(credential)
            .vaultUrl(vault.baseUrl())
            .secretName("storage-key")
            .options(AzureTestSupport.options())
            .build();
  }

  @AfterEach
  void close() {
    sink.close();
  }

  private static Credential key(String slot) {
    return Credential.of(
        Slot.of(slot),
        Secret.of("RKYCANARY" + java.util.UUID.randomUUID().toString().replace("-", "")));
  }

  @Test
  void publishWritesANewTaggedVersionWithItsExpiryAndReadsItBack() {
    Credential key2 = key("key2").withExpiry(EXPIRY);
    sink.publish(RotationContext.of("rot-1", TARGET), key2);

    KeyVaultSecretVersion stored = vault.latest("storage-key").orElseThrow();
    assertThat(stored.value()).isEqualTo(key2.value());
    assertThat(stored.tags())
        .containsEntry("rekey-rotation-id", "rot-1")
        .containsEntry("rekey-slot", "key2")
        .containsEntry("rekey-state", "current")
        .containsEntry("rekey-target", TARGET);
    assertThat(stored.expiry()).contains(EXPIRY);
    assertThat(vault.count("PUT", "/secrets/storage-key")).isEqualTo(1);
    assertThat(vault.count("GET", "/secrets/storage-key/" + stored.version()))
        .as("read back by version")
        .isEqualTo(1);
    assertThat(credential.scopes).containsOnly("https://vault.azure.net/.default");

    Published current = sink.current(TARGET).orElseThrow();
    assertThat(current.slot()).isEqualTo(Slot.of("key2"));
    assertThat(current.rotationId()).isEqualTo("rot-1");
    assertThat(current.version()).contains(stored.version());
    assertThat(current.credential()).isEqualTo(key2);
  }

  @Test
  void publishingAgainForTheSameRotationWritesNoNewVersion() {
    Credential key1 = key("key1");
    RotationContext context = RotationContext.of("rot-1", TARGET);
    sink.publish(context, key1);
    sink.publish(context, key1);
    assertThat(vault.versions("storage-key")).hasSize(1);
    assertThat(vault.count("PUT", "/secrets/.*")).isEqualTo(1);
    sink.publish(RotationContext.of("rot-2", TARGET), key("key2"));
    assertThat(vault.versions("storage-key")).hasSize(2);
  }

  @Test
  void aStagedValueStaysOutOfTheSecretReadersReadUntilPromoted() {
    Credential old = key("password");
    Credential next = key("password");
    sink.publish(RotationContext.of("rot-1", TARGET), old);
    RotationContext second = RotationContext.of("rot-2", TARGET);
    sink.stage(second, next);

    assertThat(vault.latest("storage-key").orElseThrow().value()).isEqualTo(old.value());
    assertThat(vault.latest("storage-key-pending").orElseThrow().tags())
        .containsEntry("rekey-state", "pending");
    assertThat(sink.pending(TARGET).orElseThrow().rotationId()).isEqualTo("rot-2");
    assertThat(sink.pending(TARGET).orElseThrow().credential()).isEqualTo(next);

    sink.promote(second);
    assertThat(vault.latest("storage-key").orElseThrow().value()).isEqualTo(next.value());
    assertThat(sink.current(TARGET).orElseThrow().rotationId()).isEqualTo("rot-2");
    assertThat(sink.pending(TARGET)).isEmpty();
    long puts = vault.count("PUT", "/secrets/.*");
    sink.promote(second);
    assertThat(vault.count("PUT", "/secrets/.*"))
        .as("promoting again writes nothing")
        .isEqualTo(puts);
  }

  @Test
  void promotingARotationThatStagedNothingFails() {
    sink.stage(RotationContext.of("rot-1", TARGET), key("password"));
    assertThatThrownBy(() -> sink.promote(RotationContext.of("rot-9", TARGET)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rot-9")
        .hasMessageContaining("storage-key-pending");
  }

  @Test
  void aKeyPairIsStoredAsJsonPartsAndReadBackWhole() {
    Map<String, Secret> parts = new LinkedHashMap<>();
    parts.put(Credential.ACCESS_KEY, Secret.of("RKYCANARYaccess0000000000"));
    parts.put(Credential.SECRET_KEY, Secret.of("RKYCANARYsecret0000000000"));
    Credential pair = Credential.of(Slot.of("keypair"), parts);
    sink.publish(RotationContext.of("rot-1", TARGET), pair);
    assertThat(vault.latest("storage-key").orElseThrow().contentType())
        .isEqualTo("application/json");
    assertThat(sink.current(TARGET).orElseThrow().credential()).isEqualTo(pair);
  }

  @Test
  void nothingPublishedReadsAsEmpty() {
    assertThat(sink.current(TARGET)).isEmpty();
    assertThat(sink.pending(TARGET)).isEmpty();
  }

  @Test
  void aThrottledWriteIsRetriedThroughRekeysPipeline() {
    vault.faults().matching("PUT", "/secrets/.*").throttle(1, Duration.ZERO);
    sink.publish(RotationContext.of("rot-1", TARGET), key("key1"));
    assertThat(vault.count("PUT", "/secrets/storage-key")).isEqualTo(2);
    assertThat(vault.versions("storage-key")).hasSize(1);
  }

  @Test
  void aRefusalIsAServiceExceptionWithoutTheValue() {
    vault.requireToken("another-token");
    Credential key1 = key("key1");
    assertThatThrownBy(() -> sink.publish(RotationContext.of("rot-1", TARGET), key1))
        .isInstanceOf(ServiceException.class)
        .satisfies(e -> assertThat(((ServiceException) e).statusCode()).isEqualTo(401))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key1.value().reveal()));
  }

  @Test
  void aLatestVersionWithoutRekeyTagsIsRefusedNamingTheTagsToAdd() {
    AzureTestSupport.put(
        HttpUrl.get(vault.baseUrl()).resolve("/secrets/storage-key?api-version=7.5"),
        "{\"value\":\"RKYCANARYhandwritten000000\"}");
    assertThatThrownBy(() -> sink.current(TARGET))
        .isInstanceOf(RekeyException.class)
        .hasMessageContaining("storage-key")
        .hasMessageContaining("rekey-slot")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("RKYCANARYhandwritten"));
  }

  @Test
  void aSecretHoldingAnotherTargetIsRefusedSoItsSlotIsNeverTakenForThisOnes() {
    sink.publish(RotationContext.of("rot-1", TARGET), key("key1"));
    assertThatThrownBy(() -> sink.current("storage:otherstore"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Key Vault secret storage-key holds target "
                + TARGET
                + ", not storage:otherstore; use one secret per target");
    assertThat(sink.current(TARGET)).isPresent();
  }

  @Test
  void eachTargetGetsItsOwnSecretWhenNoNameIsSet() {
    try (KeyVaultSink perTarget =
        KeyVaultSink.builder()
            .credential(credential)
            .vaultUrl(vault.baseUrl())
            .options(AzureTestSupport.options())
            .build()) {
      perTarget.publish(RotationContext.of("rot-1", "acr:myregistry/ci"), key("password1"));
      assertThat(vault.latest("acr-myregistry-ci")).isPresent();
    }
  }

  @Test
  void anExpiryFinerThanASecondIsStoredToTheSecondAndReadsBackAsWritten() {
    // Key Vault keeps exp in whole seconds; ACR's expiries come from a clock with nanoseconds
    Credential key2 = key("key2").withExpiry(EXPIRY.plusNanos(250_000_001));
    sink.publish(RotationContext.of("rot-1", TARGET), key2);

    assertThat(vault.latest("storage-key").orElseThrow().expiry()).contains(EXPIRY);
    assertThat(sink.current(TARGET).orElseThrow().credential().expiry()).contains(EXPIRY);
    assertThat(vault.count("PUT", "/secrets/storage-key")).isEqualTo(1);
  }

  @Test
  void aTargetIdLongerThanATagValueIsKeptAndReadBackAsThatTargets() {
    String longId = "netapp:/subscriptions/" + "x".repeat(300) + "/buckets/b1";
    try (KeyVaultSink perTarget =
        KeyVaultSink.builder()
            .credential(credential)
            .vaultUrl(vault.baseUrl())
            .secretName("netapp-pair")
            .options(AzureTestSupport.options())
            .build()) {
      Credential pair = key("pair");
      perTarget.publish(RotationContext.of("rot-1", longId), pair);
      assertThat(perTarget.current(longId).orElseThrow().credential().value())
          .isEqualTo(pair.value());
      assertThatThrownBy(() -> perTarget.current(longId.replace("b1", "b2")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("use one secret per target");
    }
  }

  @Test
  void aVaultUrlTheTokenMayNotGoToIsRefusedBeforeAnyCall() {
    for (String url :
        new String[] {"http://my-vault.vault.azure.net", "https://u:p@vault.example"}) {
      assertThatThrownBy(
              () -> KeyVaultSink.builder().credential(credential).vaultUrl(URI.create(url)).build())
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("vaultUrl"))
          .hasMessageContaining("must be an https URL (plain http only to a loopback host");
    }
  }

  @Test
  void theVaultNameMakesTheCloudsUrlAndBadNamesAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> KeyVaultSink.builder().credential(credential).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vaultName");
    assertThatThrownBy(() -> KeyVaultSink.builder().credential(credential).vaultName("v").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vaultName");
    assertThatThrownBy(
            () ->
                KeyVaultSink.builder()
                    .credential(credential)
                    .vaultName("my-vault")
                    .secretName("a_b")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("secretName");
    assertThatThrownBy(() -> KeyVaultSink.builder().vaultName("my-vault").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("credential");
    try (KeyVaultSink china =
        KeyVaultSink.builder()
            .credential(credential)
            .vaultName("my-vault")
            .cloud(dev.rekey.azure.AzureCloud.CHINA)
            .build()) {
      assertThat(china.toString()).contains("https://my-vault.vault.azure.cn/");
    }
    assertThat(vault.requests()).isEmpty();
  }
}
