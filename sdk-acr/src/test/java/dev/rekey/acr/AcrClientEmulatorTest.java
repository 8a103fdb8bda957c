package dev.rekey.acr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.FakeTime;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AcrToken;
import dev.rekey.testkit.AsyncPlan;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcrClientEmulatorTest {
  static final String SUB = "11111111-2222-3333-4444-555555555555";
  static final String POST_PATH = ".+/generateCredentials";
  static final Instant EXPIRY = Instant.parse("2030-12-31T15:59:59Z");

  private final AcrEmulator emulator = new AcrEmulator();
  private final FakeTime time = new FakeTime();
  private AcrClient acr;

  @BeforeEach
  void start() {
    emulator.start();
    emulator.addToken(SUB, "rg1", "myRegistry", "myToken");
    acr =
        AcrClient.builder()
            .credential(new RecordingCredential())
            .subscriptionId(SUB)
            .options(ClientOptions.builder().endpoint(emulator.baseUrl()).timeSource(time).build())
            .build();
  }

  @AfterEach
  void stop() {
    acr.close();
    emulator.close();
  }

  private static GenerateCredentialsRequest request() {
    return GenerateCredentialsRequest.builder()
        .resourceGroup("rg1")
        .registry("myRegistry")
        .token("myToken")
        .expiry(EXPIRY)
        .build();
  }

  private AcrToken token() {
    return emulator.token(SUB, "rg1", "myRegistry", "myToken").orElseThrow();
  }

  private void assertMatchesEmulator(GeneratedCredentials creds) {
    assertThat(creds.username()).isEqualTo("myToken");
    for (TokenPasswordName name : TokenPasswordName.values()) {
      assertThat(creds.password(name).orElseThrow().value())
          .isEqualTo(token().password(name.wireName()).orElseThrow());
      assertThat(creds.password(name).orElseThrow().expiry()).contains(EXPIRY);
    }
  }

  @Test
  void generatesBothPasswordsOnA200() {
    GeneratedCredentials creds = acr.generateCredentials(request());
    assertMatchesEmulator(creds);
    assertThat(token().generations()).isEqualTo(1);
  }

  @Test
  void regeneratesOnlyTheNamedPassword() {
    GeneratedCredentials creds =
        acr.generateCredentials(
            request().toBuilder().passwordName(TokenPasswordName.PASSWORD1).build());
    assertThat(creds.passwords()).hasSize(1);
    assertThat(creds.password(TokenPasswordName.PASSWORD1)).isPresent();
    assertThat(token().password("password2")).isEmpty();
  }

  @Test
  void followsLocationAfterA202UntilTheResult() {
    emulator.faults().planNextOperation(AsyncPlan.location(2));
    Operation<GeneratedCredentials> op = acr.beginGenerateCredentials(request());
    assertThat(op.id()).contains("/rekey-emulator/operations/");
    assertThat(token().generations()).isZero();
    assertMatchesEmulator(op.waitForCompletion());
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(1);
    assertThat(token().generations()).isEqualTo(1);
  }

  @Test
  void followsAzureAsyncOperationThenLocationAfterA202() {
    emulator.faults().planNextOperation(AsyncPlan.asyncOperation(2));
    assertMatchesEmulator(acr.generateCredentials(request()));
    assertThat(token().generations()).isEqualTo(1);
  }

  @Test
  void asyncFormPollsA202ToTheResult() throws Exception {
    emulator.faults().planNextOperation(AsyncPlan.asyncOperation(1));
    assertMatchesEmulator(acr.generateCredentialsAsync(request()).get());
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(1);
  }

  @Test
  void failedOperationThrowsOperationFailedException() {
    emulator
        .faults()
        .planNextOperation(AsyncPlan.asyncOperation(1).endingAs(AsyncPlan.Outcome.FAILED));
    assertThatThrownBy(() -> acr.generateCredentials(request()))
        .isInstanceOfSatisfying(
            OperationFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("Failed");
              assertThat(e.errorCode()).contains("OperationFailed");
            });
    assertThat(token().generations()).isZero();
  }

  @Test
  void failedLocationOnlyOperationEndsAsOperationFailedWithTheServiceError() {
    // With Location only, ARM reports a failed operation as an error status on the Location URL
    // (here 409 with an ARM error): the operation ended Failed, the HTTP error reachable as the
    // cause.
    emulator.faults().planNextOperation(AsyncPlan.location(1).endingAs(AsyncPlan.Outcome.FAILED));
    assertThatThrownBy(() -> acr.generateCredentials(request()))
        .isInstanceOfSatisfying(
            OperationFailedException.class,
            e -> {
              assertThat(e.status()).isEqualTo("Failed");
              assertThat(e.errorCode()).contains("OperationFailed");
              assertThat(e.getCause())
                  .isInstanceOfSatisfying(
                      AcrServiceException.class,
                      cause -> assertThat(cause.statusCode()).isEqualTo(409));
            });
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(1);
    assertThat(token().generations()).isZero();
  }

  @Test
  void doesNotResendWhenTheConnectionDropsBeforeAnAnswerEvenIfUnprocessed() {
    // The request bytes were written, so the client cannot know the service did nothing.
    emulator.faults().matching("POST", POST_PATH).dropBeforeProcessing(1);
    assertThatThrownBy(() -> acr.generateCredentials(request()))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(1);
    assertThat(token().generations()).isZero();
  }

  @Test
  void connectFailureIsATransportErrorNotAnUnknownOutcome() {
    String deadEndpoint = emulator.baseUrl().toString();
    emulator.close();
    try (AcrClient offline =
        AcrClient.builder()
            .credential(new RecordingCredential())
            .subscriptionId(SUB)
            .options(
                ClientOptions.builder().endpoint(URI.create(deadEndpoint)).timeSource(time).build())
            .build()) {
      assertThatThrownBy(() -> offline.generateCredentials(request()))
          .isInstanceOfSatisfying(
              dev.rekey.core.TransportException.class,
              e -> assertThat(e).isNotInstanceOf(OutcomeUnknownException.class));
    }
    assertThat(time.waits()).isNotEmpty(); // connect failures were retried: nothing was sent
  }

  @Test
  void failedOperationFailsTheAsyncFormToo() {
    emulator
        .faults()
        .planNextOperation(AsyncPlan.asyncOperation(0).endingAs(AsyncPlan.Outcome.CANCELED));
    assertThatThrownBy(() -> acr.generateCredentialsAsync(request()).get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(OperationFailedException.class);
  }

  @Test
  void resultOnlyInALostStatusBodyFailsInsteadOfReturningNull() {
    emulator
        .faults()
        .planNextOperation(
            new AsyncPlan(AsyncPlan.Style.ASYNC_OPERATION_ONLY, 1, AsyncPlan.Outcome.SUCCEEDED));
    assertThatThrownBy(() -> acr.generateCredentials(request())).isInstanceOf(RekeyException.class);
  }

  @Test
  void retriesThrottledCallAfterRetryAfterWithExactlyTwoPosts() {
    emulator.faults().matching("POST", POST_PATH).throttle(1, Duration.ofSeconds(2));
    assertMatchesEmulator(acr.generateCredentials(request()));
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(2);
    assertThat(token().generations()).isEqualTo(1);
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void asyncFormRetriesThrottledCallWithoutBlockingAThread() throws Exception {
    emulator.faults().matching("POST", POST_PATH).throttle(1, Duration.ofSeconds(3));
    assertMatchesEmulator(acr.generateCredentialsAsync(request()).get());
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(2);
    assertThat(token().generations()).isEqualTo(1);
    assertThat(time.waits()).containsExactly(Duration.ofSeconds(3));
    assertThat(time.blockingSleeps()).isZero();
  }

  @Test
  void beginReturnsAnOperationThatCanBePolledOnceAtATime() {
    emulator.faults().planNextOperation(AsyncPlan.location(1));
    Operation<GeneratedCredentials> op = acr.beginGenerateCredentials(request());
    assertThat(op.poll()).isEmpty();
    assertThat(op.poll()).hasValueSatisfying(this::assertMatchesEmulator);
    assertThat(time.blockingSleeps()).isZero();
  }

  @Test
  void retries503WithRetryAfterBecauseTheServiceDidNotProcessIt() {
    emulator.faults().matching("POST", POST_PATH).fail(1, 503, Duration.ofSeconds(1));
    assertMatchesEmulator(acr.generateCredentials(request()));
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(2);
  }

  @Test
  void doesNotResendAfterADroppedAnswerAndReportsTheOutcomeUnknown() {
    emulator.faults().matching("POST", POST_PATH).dropAfterProcessing(1);
    assertThatThrownBy(() -> acr.generateCredentials(request()))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(1);
    assertThat(token().generations()).isEqualTo(1);
  }

  @Test
  void doesNotResendAfterADroppedAnswerInTheAsyncFormEither() {
    emulator.faults().matching("POST", POST_PATH).dropAfterProcessing(1);
    assertThatThrownBy(() -> acr.generateCredentialsAsync(request()).get())
        .hasCauseInstanceOf(OutcomeUnknownException.class);
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(1);
    assertThat(token().generations()).isEqualTo(1);
  }

  @Test
  void doesNotResendAfterA500Or503WithoutRetryAfter() {
    emulator.faults().matching("POST", POST_PATH).fail(1, 500).fail(1, 503);
    assertThatThrownBy(() -> acr.generateCredentials(request()))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThatThrownBy(() -> acr.generateCredentials(request()))
        .isInstanceOf(OutcomeUnknownException.class);
    assertThat(emulator.count("POST", POST_PATH)).isEqualTo(2);
  }

  @Test
  void unknownTokenIsRegistryOrTokenNotFound() {
    assertThatThrownBy(
            () ->
                acr.generateCredentials(
                    r -> r.resourceGroup("rg1").registry("myRegistry").token("otherToken")))
        .isInstanceOfSatisfying(
            AcrServiceException.class,
            e -> {
              assertThat(e.isRegistryOrTokenNotFound()).isTrue();
              assertThat(e.errorCode()).contains("TokenNotFound");
              assertThat(e.target()).contains("tokenId");
              assertThat(e.requestId()).isPresent();
            });
    assertThatThrownBy(
            () ->
                acr.generateCredentials(
                    r -> r.resourceGroup("rg1").registry("otherRegistry").token("myToken")))
        .isInstanceOfSatisfying(
            AcrServiceException.class, e -> assertThat(e.isRegistryOrTokenNotFound()).isTrue());
  }

  @Test
  void twoCallsNeverReturnTheSamePassword() {
    GeneratedCredentials first = acr.generateCredentials(request());
    GeneratedCredentials second = acr.generateCredentials(request());
    assertThat(second.password(TokenPasswordName.PASSWORD1).orElseThrow().value())
        .isNotEqualTo(first.password(TokenPasswordName.PASSWORD1).orElseThrow().value());
  }
}
