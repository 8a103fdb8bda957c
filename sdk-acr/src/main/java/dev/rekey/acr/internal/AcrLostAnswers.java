package dev.rekey.acr.internal;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.azure.RotationEvidence;
import dev.rekey.azure.internal.ArmOperations;
import dev.rekey.azure.internal.LostAnswerCheck;
import dev.rekey.azure.internal.LostAnswerProbe;
import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.poll.ResultReader;
import dev.rekey.core.poll.Operation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An ACR {@code generateCredentials} with {@code confirmOutcome(true)}: settles a lost answer by
 * the creation time of the regenerated slot(s) in the token resource, read before and after the
 * call. A changed time means the passwords exist on the service but their values were lost with the
 * answer (the token resource never shows a value): {@link CredentialNotReturnedException}, whose
 * recovery says to regenerate again.
 */
final class AcrLostAnswers implements LostAnswerProbe<TokenPasswordTimes, GeneratedCredentials> {
  private final GenerateCredentialsCall call;
  private final GenerateCredentialsRequest request;
  private final ApiRequest post;
  private final ApiRequest get;

  private AcrLostAnswers(GenerateCredentialsCall call, GenerateCredentialsRequest request) {
    this.call = call;
    this.request = request;
    this.post = call.toApiRequest(request);
    this.get = call.tokenGet(call.tokenId(request));
  }

  static Operation<GeneratedCredentials> begin(
      GenerateCredentialsCall call, GenerateCredentialsRequest request) {
    AcrLostAnswers probe = new AcrLostAnswers(call, request);
    return LostAnswerCheck.begin(
        probe,
        () -> ArmOperations.begin(call.pipeline(), probe.post, PromisedPasswords.reader(request)),
        probe.post.url().encodedPath());
  }

  static CompletableFuture<GeneratedCredentials> run(
      GenerateCredentialsCall call, GenerateCredentialsRequest request) {
    return LostAnswerCheck.runAsync(new AcrLostAnswers(call, request));
  }

  @Override
  public String what() {
    return "ACR generateCredentials for token "
        + request.token().orElseGet(() -> request.tokenId().orElseThrow());
  }

  @Override
  public CompletableFuture<TokenPasswordTimes> read() {
    return ArmOperations.runAsync(
        call.pipeline(), get, ResultReader.ofRead(TokenPasswordTimes::decode));
  }

  @Override
  public CompletableFuture<GeneratedCredentials> send() {
    return ArmOperations.runAsync(call.pipeline(), post, PromisedPasswords.reader(request));
  }

  /**
   * A slot changed when its {@code creationTime} did (a slot absent before and shown now was
   * generated). A token that does not show the slot after the send cannot show a change, so the
   * outcome stays unknown.
   */
  @Override
  public boolean changed(TokenPasswordTimes before, TokenPasswordTimes after) {
    Set<TokenPasswordName> promised = PromisedPasswords.promised(request);
    for (TokenPasswordName slot : promised) {
      if (after.unseen().contains(slot) || before.unseen().contains(slot)) {
        throw new RekeyException(
            "the token did not show the state of " + slot.wireName() + " (its creationTime)");
      }
    }
    return promised.stream().anyMatch(slot -> !Objects.equals(before.of(slot), after.of(slot)));
  }

  /**
   * The passwords a re-send returned still hold when each one's {@code creationTime} is the one the
   * token shows, to the millisecond (the two answers may write it with different precision; a slot
   * regenerated again is at least a round trip later); a password returned without one cannot be
   * compared and is taken as it came.
   */
  @Override
  public boolean stillHolds(GeneratedCredentials result, TokenPasswordTimes after) {
    return result.passwords().stream()
        .allMatch(
            p ->
                p.creationTime().isEmpty()
                    || after.of(p.name()) == null
                    || sameMillisecond(p.creationTime().get(), after.of(p.name())));
  }

  private static boolean sameMillisecond(Instant a, Instant b) {
    return a.truncatedTo(ChronoUnit.MILLIS).equals(b.truncatedTo(ChronoUnit.MILLIS));
  }

  @Override
  public GeneratedCredentials applied(TokenPasswordTimes after) {
    throw new CredentialNotReturnedException(
        post.url().encodedPath(),
        "the answer was lost, and the token's password creationTime shows the slot was regenerated",
        PromisedPasswords.recovery(request),
        null);
  }

  @Override
  public GeneratedCredentials resent(GeneratedCredentials result) {
    return GeneratedCredentials.builder()
        .from(result)
        .evidence(RotationEvidence.RESENT_AND_APPLIED)
        .build();
  }
}
