package dev.rekey.acr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.azure.RotationEvidence;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.FakeTime;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AcrToken;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 1: an ACR {@code generateCredentials} with {@code confirmOutcome(true)} settles a
 * lost answer by the password {@code creationTime} the token resource shows before and after the
 * call, counted on the wire.
 */
class LostAnswerIsSettledByTheTokensPasswordCreationTimeTest {
  private static final String SUB = "11111111-2222-3333-4444-555555555555";
  private static final String POST = ".+/generateCredentials";
  private static final String TOKEN_GET = ".+/registries/myRegistry/tokens/myToken";
  private static final String TOKEN_ID =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/myRegistry/tokens/myToken";

  private final AcrEmulator emulator = new AcrEmulator();
  private AcrClient acr;
  private AcrToken token;

  @BeforeEach
  void start() {
    emulator.start();
    token = emulator.addToken(SUB, "rg1", "myRegistry", "myToken");
    acr =
        AcrClient.builder()
            .credential(new RecordingCredential())
            .subscriptionId(SUB)
            .options(
                ClientOptions.builder()
                    .endpoint(emulator.baseUrl())
                    .timeSource(new FakeTime())
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    acr.close();
    emulator.close();
  }

  private static GenerateCredentialsRequest.Builder password1(boolean confirm) {
    return GenerateCredentialsRequest.builder()
        .resourceGroup("rg1")
        .registry("myRegistry")
        .passwordName(TokenPasswordName.PASSWORD1)
        .expiry(Instant.parse("2030-12-31T15:59:59Z"))
        .confirmOutcome(confirm);
  }

  private long posts() {
    return emulator.count("POST", POST);
  }

  private long reads() {
    return emulator.count("GET", TOKEN_GET);
  }

  @Test
  void anAnswerLostAfterTheSlotWasRegeneratedIsCredentialNotReturnedWithHowToRecover() {
    emulator.faults().matching("POST", POST).dropAfterProcessing(1);

    CredentialNotReturnedException e =
        catchThrowableOfType(
            CredentialNotReturnedException.class,
            () -> acr.generateCredentials(password1(true).token("myToken").build()));

    assertThat(e.recovery())
        .contains("password1 of token myToken")
        .contains("regenerate password1 again");
    assertThat(e.getMessage()).contains("creationTime");
    assertThat(token.generations()).isEqualTo(1);
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void aTokenNamedByItsIdIsSettledTheSameWay() {
    emulator.faults().matching("POST", POST).dropAfterProcessing(1);

    CredentialNotReturnedException e =
        catchThrowableOfType(
            CredentialNotReturnedException.class,
            () -> acr.generateCredentials(password1(true).tokenId(TOKEN_ID).build()));

    assertThat(e.recovery()).contains("regenerate password1 again");
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void anAnswerLostBeforeTheSlotWasRegeneratedIsSentOnceMore() {
    emulator.faults().matching("POST", POST).dropBeforeProcessing(1);

    GeneratedCredentials creds = acr.generateCredentials(password1(true).token("myToken").build());

    assertThat(creds.evidence()).isEqualTo(RotationEvidence.RESENT_AND_APPLIED);
    assertThat(creds.password(TokenPasswordName.PASSWORD1).orElseThrow().value())
        .isEqualTo(token.password("password1").orElseThrow());
    assertThat(token.generations()).isEqualTo(1);
    assertThat(posts()).isEqualTo(2);
    assertThat(reads()).as("before, after the loss, after the re-send").isEqualTo(3);
  }

  @Test
  void twoLostAnswersWithTheSlotUnchangedAreOutcomeUnknownCountingBothSends() {
    emulator.faults().matching("POST", POST).dropBeforeProcessing(2);

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class,
            () -> acr.generateCredentials(password1(true).token("myToken").build()));

    assertThat(e.attempts()).isEqualTo(2);
    assertThat(token.generations()).isZero();
    assertThat(posts()).isEqualTo(2);
    assertThat(reads()).isEqualTo(3);
  }

  @Test
  void aCheckThatFailsLeavesTheOutcomeUnknown() {
    emulator.faults().matching("POST", POST).dropAfterProcessing(1);
    emulator
        .faults()
        .matching("GET", TOKEN_GET)
        .addHeaders(1, Map.of())
        .fail(1, 403); // the read before passes

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class,
            () -> acr.generateCredentials(password1(true).token("myToken").build()));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(AcrServiceException.class);
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void withoutConfirmOutcomeALostAnswerIsOutcomeUnknownAndTheTokenIsNotRead() {
    emulator.faults().matching("POST", POST).dropAfterProcessing(1);

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class,
            () -> acr.generateCredentials(password1(false).token("myToken").build()));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(reads()).isZero();
  }

  @Test
  void settlesAsyncToo() {
    emulator.faults().matching("POST", POST).dropBeforeProcessing(1);

    GeneratedCredentials creds =
        acr.generateCredentialsAsync(password1(true).token("myToken").build()).join();

    assertThat(creds.evidence()).isEqualTo(RotationEvidence.RESENT_AND_APPLIED);
    assertThat(posts()).isEqualTo(2);
    assertThat(reads()).isEqualTo(3);
  }

  @Test
  void aRegeneratedSlotWhoseAnswerWasLostIsCredentialNotReturnedAsyncToo() {
    emulator.faults().matching("POST", POST).dropAfterProcessing(1);

    CompletionException e =
        catchThrowableOfType(
            CompletionException.class,
            () -> acr.generateCredentialsAsync(password1(true).token("myToken").build()).join());

    assertThat(e.getCause()).isInstanceOf(CredentialNotReturnedException.class);
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(2);
  }

  @Test
  void theBeginFormReturnsTheSettledOperation() {
    emulator.faults().matching("POST", POST).dropBeforeProcessing(1);

    Operation<GeneratedCredentials> op =
        acr.beginGenerateCredentials(password1(true).token("myToken").build());

    assertThat(op.poll())
        .hasValueSatisfying(
            c -> assertThat(c.evidence()).isEqualTo(RotationEvidence.RESENT_AND_APPLIED));
    assertThat(posts()).isEqualTo(2);
  }

  @Test
  void anAnsweredCallReadsTheTokenOnceAndSaysItWasAnswered() {
    GeneratedCredentials creds = acr.generateCredentials(password1(true).token("myToken").build());

    assertThat(creds.evidence()).isEqualTo(RotationEvidence.ANSWERED);
    assertThat(posts()).isEqualTo(1);
    assertThat(reads()).isEqualTo(1);
  }
}
