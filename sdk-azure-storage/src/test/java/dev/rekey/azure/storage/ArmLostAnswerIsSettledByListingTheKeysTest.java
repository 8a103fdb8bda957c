package dev.rekey.azure.storage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.rekey.azure.RotationEvidence;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.poll.Operation;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.StorageKeys;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 1: an ARM regeneration with {@code confirmOutcome(true)} settles a lost answer by
 * comparing the named key (value and {@code creationTime}) with the one {@code listKeys} read
 * before the call, counted on the wire.
 */
class ArmLostAnswerIsSettledByListingTheKeysTest {
  private static final String REGENERATE = ".*/storageAccounts/mystore/regenerateKey";
  private static final String LIST = ".*/storageAccounts/mystore/listKeys";

  private final ArmStorageEmulator emulator = new ArmStorageEmulator();
  private final WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort());
  private StorageAccountKeysClient client;
  private StorageKeys keys;

  private void startEmulator() {
    emulator.start();
    keys = emulator.addAccount(TestSupport.SUB, "my-rg", "mystore");
    client = client(emulator.baseUrl().toString());
  }

  private static StorageAccountKeysClient client(String endpoint) {
    return StorageAccountKeysClient.builder()
        .credential(new TestSupport.FakeCredential("t"))
        .subscriptionId(TestSupport.SUB)
        .options(TestSupport.options(endpoint))
        .build();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    emulator.close();
    wm.stop();
  }

  private static RegenerateKeyRequest key2(boolean confirm) {
    return RegenerateKeyRequest.builder()
        .resourceGroup("my-rg")
        .accountName("mystore")
        .keyName(KeyName.KEY2)
        .confirmOutcome(confirm)
        .build();
  }

  private StorageAccountKey named(StorageAccountKeys result, String name) {
    return result.keys().stream().filter(k -> k.keyName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void anAnswerLostAfterTheKeyChangedIsConfirmedByListingTheKeys() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropAfterProcessing(1);

    StorageAccountKeys result = client.regenerateKey(key2(true));

    assertThat(named(result, "key2").value()).isEqualTo(keys.key("key2").orElseThrow());
    assertThat(named(result, "key1").value()).isEqualTo(keys.key("key1").orElseThrow());
    assertThat(result.evidence()).isEqualTo(RotationEvidence.CONFIRMED_BY_READ);
    assertThat(keys.regenerations("key2")).isEqualTo(1);
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(1);
    assertThat(emulator.count("POST", LIST)).isEqualTo(2);
  }

  @Test
  void aKerberosKeyIsReturnedAloneAndItsLostAnswerIsSettledByListingWithExpandKerb() {
    startEmulator();
    RegenerateKeyRequest.Builder kerb1 =
        RegenerateKeyRequest.builder()
            .resourceGroup("my-rg")
            .accountName("mystore")
            .keyName(KeyName.KERB1);
    // the documented answer holds key1, key2 and kerb1: no kerb2
    assertThat(named(client.regenerateKey(kerb1.build()), "kerb1").value())
        .isEqualTo(keys.key("kerb1").orElseThrow());

    emulator.faults().matching("POST", REGENERATE).dropAfterProcessing(1);
    StorageAccountKeys result = client.regenerateKey(kerb1.confirmOutcome(true).build());

    assertThat(named(result, "kerb1").value()).isEqualTo(keys.key("kerb1").orElseThrow());
    assertThat(result.evidence()).isEqualTo(RotationEvidence.CONFIRMED_BY_READ);
    assertThat(keys.regenerations("kerb1")).isEqualTo(2);
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(2);
    assertThat(
            emulator.requests().stream()
                .filter(r -> r.getUrl().encodedPath().endsWith("/listKeys"))
                .map(r -> r.getUrl().queryParameter("$expand"))
                .toList())
        .as("the read before and the read after, both with the Kerberos keys")
        .containsExactly("kerb", "kerb");
  }

  @Test
  void aStandbyRotationPassesConfirmOutcomeOnAndIsSettledTheSameWay() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropAfterProcessing(1);

    StorageAccountKeys result =
        client.rotateStandbyKey(
            r ->
                r.resourceGroup("my-rg")
                    .accountName("mystore")
                    .inUse(KeyName.KEY1)
                    .confirmOutcome(true));

    assertThat(result.evidence()).isEqualTo(RotationEvidence.CONFIRMED_BY_READ);
    assertThat(named(result, "key2").value()).isEqualTo(keys.key("key2").orElseThrow());
    assertThat(keys.regenerations("key2")).isEqualTo(1);
    assertThat(keys.regenerations("key1")).isZero();
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(1);
    assertThat(emulator.count("POST", LIST)).isEqualTo(2);
  }

  @Test
  void anAnswerLostBeforeTheKeyChangedIsSentOnceMore() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropBeforeProcessing(1);

    StorageAccountKeys result = client.regenerateKey(key2(true));

    assertThat(named(result, "key2").value()).isEqualTo(keys.key("key2").orElseThrow());
    assertThat(result.evidence()).isEqualTo(RotationEvidence.RESENT_AND_APPLIED);
    assertThat(keys.regenerations("key2")).isEqualTo(1);
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(2);
    assertThat(emulator.count("POST", LIST))
        .as("before, after the loss, after the re-send")
        .isEqualTo(3);
  }

  @Test
  void twoLostAnswersWithTheKeyUnchangedAreOutcomeUnknownCountingBothSends() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropBeforeProcessing(2);

    OutcomeUnknownException e =
        catchThrowableOfType(OutcomeUnknownException.class, () -> client.regenerateKey(key2(true)));

    assertThat(e.attempts()).isEqualTo(2);
    assertThat(keys.regenerations("key2")).isZero();
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(2);
    assertThat(emulator.count("POST", LIST)).isEqualTo(3);
  }

  @Test
  void aCheckThatFailsLeavesTheOutcomeUnknown() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropAfterProcessing(1);
    emulator
        .faults()
        .matching("POST", LIST)
        .addHeaders(1, Map.of())
        .fail(1, 403); // the read before passes

    OutcomeUnknownException e =
        catchThrowableOfType(OutcomeUnknownException.class, () -> client.regenerateKey(key2(true)));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(StorageServiceException.class);
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(1);
    assertThat(emulator.count("POST", LIST)).isEqualTo(2);
  }

  @Test
  void withoutConfirmOutcomeALostAnswerIsOutcomeUnknownAndNothingIsListed() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropAfterProcessing(1);

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> client.regenerateKey(key2(false)));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(emulator.count("POST", LIST)).isZero();
  }

  @Test
  void settlesAsyncToo() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropBeforeProcessing(1);

    StorageAccountKeys result = client.regenerateKeyAsync(key2(true)).join();

    assertThat(named(result, "key2").value()).isEqualTo(keys.key("key2").orElseThrow());
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(2);
    assertThat(emulator.count("POST", LIST)).isEqualTo(3);
  }

  @Test
  void aFailingCheckIsOutcomeUnknownAsyncToo() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropAfterProcessing(1);
    emulator.faults().matching("POST", LIST).addHeaders(1, Map.of()).fail(1, 403);

    CompletionException e =
        catchThrowableOfType(
            CompletionException.class, () -> client.regenerateKeyAsync(key2(true)).join());

    assertThat(e.getCause()).isInstanceOf(OutcomeUnknownException.class);
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(1);
  }

  @Test
  void theBeginFormReturnsTheSettledOperation() {
    startEmulator();
    emulator.faults().matching("POST", REGENERATE).dropAfterProcessing(1);

    Operation<StorageAccountKeys> op = client.beginRegenerateKey(key2(true));

    assertThat(op.poll())
        .hasValueSatisfying(
            r -> assertThat(named(r, "key2").value()).isEqualTo(keys.key("key2").orElseThrow()));
    assertThat(emulator.count("POST", REGENERATE)).isEqualTo(1);
  }

  @Test
  void aNewCreationTimeWithTheSameValueMeansApplied() {
    wm.start();
    Instant before = Instant.parse("2026-11-01T00:00:00Z");
    wm.stubFor(
        post(urlPathMatching(LIST))
            .inScenario("keys")
            .whenScenarioStateIs("Started")
            .willReturn(keysBody(before))
            .willSetStateTo("lost"));
    wm.stubFor(
        post(urlPathMatching(REGENERATE)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    wm.stubFor(
        post(urlPathMatching(LIST))
            .inScenario("keys")
            .whenScenarioStateIs("lost")
            .willReturn(keysBody(before.plusSeconds(60))));
    client = client(wm.baseUrl());

    StorageAccountKeys result = client.regenerateKey(key2(true));

    assertThat(named(result, "key2").creationTime()).contains(before.plusSeconds(60));
    wm.verify(1, postRequestedFor(urlPathMatching(REGENERATE)));
    wm.verify(2, postRequestedFor(urlPathMatching(LIST)));
  }

  @Test
  void aFirstSendThatLandsAfterTheReSendMakesTheReadTheResult() {
    // the first regeneration was still running when the keys read unchanged, and landed after the
    // re-send: the key the re-send returned is already replaced, the one read after it is current
    wm.start();
    Instant before = Instant.parse("2026-11-01T00:00:00Z");
    Instant resent = before.plusSeconds(60);
    Instant landedLate = before.plusSeconds(61);
    wm.stubFor(
        post(urlPathMatching(LIST))
            .inScenario("keys")
            .whenScenarioStateIs("Started")
            .willReturn(keysBody(before))
            .willSetStateTo("lost"));
    wm.stubFor(
        post(urlPathMatching(REGENERATE))
            .inScenario("keys")
            .whenScenarioStateIs("lost")
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    wm.stubFor(
        post(urlPathMatching(LIST))
            .inScenario("keys")
            .whenScenarioStateIs("lost")
            .willReturn(keysBody(before))
            .willSetStateTo("unchanged"));
    wm.stubFor(
        post(urlPathMatching(REGENERATE))
            .inScenario("keys")
            .whenScenarioStateIs("unchanged")
            .willReturn(keysBody(resent))
            .willSetStateTo("late"));
    wm.stubFor(
        post(urlPathMatching(LIST))
            .inScenario("keys")
            .whenScenarioStateIs("late")
            .willReturn(keysBody(landedLate)));
    client = client(wm.baseUrl());

    StorageAccountKeys result = client.regenerateKey(key2(true));

    assertThat(named(result, "key2").creationTime()).contains(landedLate);
    assertThat(result.evidence()).isEqualTo(RotationEvidence.CONFIRMED_BY_READ);
    wm.verify(2, postRequestedFor(urlPathMatching(REGENERATE)));
    wm.verify(3, postRequestedFor(urlPathMatching(LIST)));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder keysBody(
      Instant key2Created) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"keys\":[{\"creationTime\":\"2026-10-01T00:00:00.0000000Z\",\"keyName\":\"key1\",\"value\":\"AAAA\","
                + "\"permissions\":\"FULL\"},{\"creationTime\":\""
                + key2Created
                + "\",\"keyName\":\"key2\","
                + "\"value\":\"BBBB\",\"permissions\":\"FULL\"}]}");
  }
}
