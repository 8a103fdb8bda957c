package dev.rekey.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.azure.RotationEvidence;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.poll.Operation;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.StorageKeys;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 1: a classic regeneration with {@code confirmOutcome(true)} settles a lost answer
 * by comparing the key with the one {@code getKeys} read before the call, counted on the wire.
 */
class ClassicLostAnswerIsSettledByReadingTheKeysTest {
  private static final String KEYS = ".*/storageservices/mystore/keys";

  private final ClassicStorageEmulator emulator = new ClassicStorageEmulator();
  private ClassicStorageKeysClient client;
  private StorageKeys keys;

  @BeforeEach
  void start() {
    emulator.start();
    keys = emulator.addAccount(TestSupport.SUB, "mystore");
    client =
        ClassicStorageKeysClient.builder()
            .subscriptionId(TestSupport.SUB)
            .credential(new TestSupport.FakeCredential("t"))
            .options(TestSupport.options(emulator.baseUrl().toString()))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  private static RegenerateKeysRequest secondary(boolean confirm) {
    return RegenerateKeysRequest.builder()
        .serviceName("mystore")
        .keyType(KeyType.SECONDARY)
        .confirmOutcome(confirm)
        .build();
  }

  private long posts() {
    return emulator.count("POST", KEYS);
  }

  private long reads() {
    return emulator.count("GET", KEYS);
  }

  @Test
  void anAnswerLostAfterTheKeyChangedIsConfirmedByReadingTheKeys() {
    String primary = keys.key("Primary").orElseThrow().reveal();
    emulator.faults().matching("POST", KEYS).dropAfterProcessing(1);

    StorageServiceKeys result = client.regenerateKeys(secondary(true));

    assertThat(result.evidence()).isEqualTo(RotationEvidence.CONFIRMED_BY_READ);
    assertThat(result.evidence().afterLostAnswer()).isTrue();
    assertThat(result.secondary()).isEqualTo(keys.key("Secondary").orElseThrow());
    assertThat(result.primary().reveal()).isEqualTo(primary);
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void aStandbyRotationPassesConfirmOutcomeOnAndIsSettledTheSameWay() {
    emulator.faults().matching("POST", KEYS).dropAfterProcessing(1);

    StorageServiceKeys result =
        client.rotateStandbyKey(
            r -> r.serviceName("mystore").inUse(KeyType.PRIMARY).confirmOutcome(true));

    assertThat(result.evidence()).isEqualTo(RotationEvidence.CONFIRMED_BY_READ);
    assertThat(result.secondary()).isEqualTo(keys.key("Secondary").orElseThrow());
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(keys.regenerations("Primary")).isZero();
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void anAnswerLostBeforeTheKeyChangedIsSentOnceMore() {
    emulator.faults().matching("POST", KEYS).dropBeforeProcessing(1);

    StorageServiceKeys result = client.regenerateKeys(secondary(true));

    assertThat(result.evidence()).isEqualTo(RotationEvidence.RESENT_AND_APPLIED);
    assertThat(result.secondary()).isEqualTo(keys.key("Secondary").orElseThrow());
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(posts()).isEqualTo(2);
    assertThat(reads()).as("before, after the loss, after the re-send").isEqualTo(3);
  }

  @Test
  void aReSendWhoseAnswerIsLostAfterApplyingIsConfirmedByAThirdRead() {
    emulator.faults().matching("POST", KEYS).dropBeforeProcessing(1).dropAfterProcessing(1);

    StorageServiceKeys result = client.regenerateKeys(secondary(true));

    assertThat(result.evidence()).isEqualTo(RotationEvidence.CONFIRMED_BY_READ);
    assertThat(result.secondary()).isEqualTo(keys.key("Secondary").orElseThrow());
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(posts()).isEqualTo(2);
    assertThat(reads()).isEqualTo(3);
  }

  @Test
  void twoLostAnswersWithTheKeyUnchangedAreOutcomeUnknownCountingBothSends() {
    emulator.faults().matching("POST", KEYS).dropBeforeProcessing(2);

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> client.regenerateKeys(secondary(true)));

    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.getMessage()).contains("unchanged").contains("sent 2 time(s)");
    assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(OutcomeUnknownException.class);
    assertThat(keys.regenerations("Secondary")).isZero();
    assertThat(posts()).isEqualTo(2);
    assertThat(reads()).isEqualTo(3);
  }

  @Test
  void aCheckThatFailsLeavesTheOutcomeUnknown() {
    emulator.faults().matching("POST", KEYS).dropAfterProcessing(1);
    emulator
        .faults()
        .matching("GET", KEYS)
        .addHeaders(1, Map.of())
        .fail(1, 403); // the read before passes

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> client.regenerateKeys(secondary(true)));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(StorageServiceException.class);
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void withoutConfirmOutcomeALostAnswerIsOutcomeUnknownAndNothingIsRead() {
    emulator.faults().matching("POST", KEYS).dropAfterProcessing(1);

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> client.regenerateKeys(secondary(false)));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isZero();
  }

  @Test
  void settlesAsyncToo() {
    emulator.faults().matching("POST", KEYS).dropAfterProcessing(1);

    StorageServiceKeys result = client.regenerateKeysAsync(secondary(true)).join();

    assertThat(result.evidence()).isEqualTo(RotationEvidence.CONFIRMED_BY_READ);
    assertThat(result.secondary()).isEqualTo(keys.key("Secondary").orElseThrow());
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void aFailingCheckIsOutcomeUnknownAsyncToo() {
    emulator.faults().matching("POST", KEYS).dropAfterProcessing(1);
    emulator.faults().matching("GET", KEYS).addHeaders(1, Map.of()).fail(1, 403);

    CompletionException e =
        catchThrowableOfType(
            CompletionException.class, () -> client.regenerateKeysAsync(secondary(true)).join());

    assertThat(e.getCause()).isInstanceOf(OutcomeUnknownException.class);
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void theBeginFormReturnsTheSettledOperation() {
    emulator.faults().matching("POST", KEYS).dropBeforeProcessing(1);

    Operation<StorageServiceKeys> op = client.beginRegenerateKeys(secondary(true));

    assertThat(op.poll())
        .hasValueSatisfying(
            k -> assertThat(k.evidence()).isEqualTo(RotationEvidence.RESENT_AND_APPLIED));
    assertThat(posts()).isEqualTo(2);
  }

  @Test
  void anAnsweredRegenerationReadsTheKeysOnceBeforeAndSaysItWasAnswered() {
    StorageServiceKeys result = client.regenerateKeys(secondary(true));

    assertThat(result.evidence()).isEqualTo(RotationEvidence.ANSWERED);
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(1);
  }

  @Test
  void anAcceptedOperationWhoseOutcomeIsLostIsNotSettled() {
    emulator.faults().loseNextOperation();

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> client.regenerateKeys(secondary(true)));

    assertThat(e.operationId()).isPresent();
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(1);
  }

  @Test
  void anAnswerThatIsNeitherAResultNorAnOperationIsNotSettledByASecondSend() {
    // 203: the service answered something; what it did is unknown, and a read now proves nothing
    emulator.faults().matching("POST", KEYS).answerInstead(1, 203, "application/xml", "<x/>");

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> client.regenerateKeys(secondary(true)));

    assertThat(e.operationId()).isPresent();
    assertThat(e).hasMessageContaining("HTTP 203");
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(1);
  }
}
