package dev.rekey.azure.internal;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.poll.Operation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles an Azure rotation whose answer was lost ({@code confirmOutcome(true)}), never applying it
 * twice and never guessing, as ONTAP's confirmation does for a password change.
 *
 * <ol>
 *   <li>Before sending, read the credential's state (keys, or the token's passwords).
 *   <li>When the answer to the send is lost ({@link OutcomeUnknownException} without an operation
 *       id: the service had not accepted an operation that could still be running), read again.
 *       Changed: the rotation took effect, and the read is the result (ACR: the value cannot be
 *       read back, so {@link dev.rekey.core.CredentialNotReturnedException}). Unchanged: it was not
 *       applied, so it is sent once more, and that answer is the result once a read after it still
 *       shows it (a first send still running may land after the re-send: then the read is the
 *       result).
 *   <li>The re-send's answer lost too: read a third time. Changed: applied; unchanged: {@link
 *       OutcomeUnknownException} counting both sends. A re-send the service refuses is that
 *       refusal.
 *   <li>A read that fails, or cannot show the slot's state, leaves the outcome unknown: {@link
 *       OutcomeUnknownException}, the read's failure suppressed.
 * </ol>
 *
 * An operation the service accepted (202) whose outcome was then lost is not settled: it may still
 * be running, so neither a read nor a re-send can say what it will do.
 */
public final class LostAnswerCheck {
  private static final Logger LOG = LoggerFactory.getLogger(LostAnswerCheck.class);

  private LostAnswerCheck() {}

  /** Reads, sends and settles a lost answer without blocking. */
  public static <S, T> CompletableFuture<T> runAsync(LostAnswerProbe<S, T> probe) {
    AtomicBoolean abandoned = new AtomicBoolean();
    CompletableFuture<T> result =
        Futures.thenCompose(
            probe.read(),
            before ->
                Futures.handleCompose(
                    probe.send(),
                    (value, error) ->
                        error == null
                            ? CompletableFuture.completedFuture(value)
                            : lost(probe, before, error, abandoned)));
    return abandonedWhenCancelled(result, abandoned);
  }

  /**
   * Reads, then sends with {@code send} on the caller's thread and returns its operation; a lost
   * answer is settled (waiting for it) into a completed operation named {@code id}.
   *
   * @throws RekeyException what the read, the send or the settling throws
   */
  public static <S, T> Operation<T> begin(
      LostAnswerProbe<S, T> probe, Supplier<Operation<T>> send, String id) {
    S before = Futures.join(probe.read());
    try {
      return send.get();
    } catch (OutcomeUnknownException e) {
      if (e.operationId().isPresent()) {
        throw e;
      }
      AtomicBoolean abandoned = new AtomicBoolean();
      CompletableFuture<T> settling =
          abandonedWhenCancelled(
              settle(probe, before, e, e.attempts(), null, abandoned), abandoned);
      return Operation.completed(id, Futures.joinConfirmation(settling, probe.what(), e));
    }
  }

  /**
   * Returns {@code check}, which sets {@code abandoned} when cancelled (an interrupted wait cancels
   * it too): the check then sends nothing more for a caller who left.
   */
  private static <T> CompletableFuture<T> abandonedWhenCancelled(
      CompletableFuture<T> check, AtomicBoolean abandoned) {
    check.whenComplete((value, error) -> abandoned.set(check.isCancelled()));
    return check;
  }

  private static <S, T> CompletableFuture<T> lost(
      LostAnswerProbe<S, T> probe, S before, Throwable error, AtomicBoolean abandoned) {
    if (error instanceof OutcomeUnknownException lost && lost.operationId().isEmpty()) {
      return settle(probe, before, lost, lost.attempts(), null, abandoned);
    }
    return CompletableFuture.failedFuture(error);
  }

  /**
   * Reads after a lost answer; {@code first} is the first send's loss once the re-send was lost
   * too. Nothing is re-sent once the caller {@code abandoned} the check (a new credential nobody
   * waits for would be lost).
   */
  private static <S, T> CompletableFuture<T> settle(
      LostAnswerProbe<S, T> probe,
      S before,
      OutcomeUnknownException lost,
      int sends,
      @Nullable OutcomeUnknownException first,
      AtomicBoolean abandoned) {
    LOG.info(
        "{}: answer lost after {} send(s), reading to confirm the outcome", probe.what(), sends);
    return probe
        .read()
        .handle(
            (after, readError) -> {
              if (readError != null) {
                return CompletableFuture.<T>failedFuture(
                    unknown(
                        probe,
                        "reading to confirm it failed",
                        sends,
                        lost,
                        first,
                        Futures.unwrap(readError)));
              }
              boolean changed;
              try {
                changed = probe.changed(before, after);
              } catch (RekeyException cannotTell) {
                return CompletableFuture.<T>failedFuture(
                    unknown(
                        probe,
                        "the read could not show whether it took effect ("
                            + cannotTell.getMessage()
                            + ")",
                        sends,
                        lost,
                        first,
                        cannotTell));
              }
              if (changed) {
                LOG.info("{}: the rotation took effect (confirmed by a read)", probe.what());
                return CompletableFuture.completedFuture(probe.applied(after));
              }
              if (first != null) {
                return CompletableFuture.<T>failedFuture(
                    unknown(
                        probe,
                        "the state was unchanged when read after each of the sends",
                        sends,
                        lost,
                        first,
                        null));
              }
              if (abandoned.get()) {
                return CompletableFuture.<T>failedFuture(
                    unknown(
                        probe,
                        "the caller stopped waiting before a re-send",
                        sends,
                        lost,
                        first,
                        null));
              }
              LOG.info("{}: not applied (unchanged when read), sending it once more", probe.what());
              return probe
                  .send()
                  .thenCompose(result -> confirmResent(probe, result))
                  .exceptionallyCompose(
                      error -> {
                        Throwable cause = Futures.unwrap(error);
                        if (cause instanceof OutcomeUnknownException again
                            && again.operationId().isEmpty()) {
                          return settle(
                              probe, before, again, sends + again.attempts(), lost, abandoned);
                        }
                        cause.addSuppressed(lost);
                        return CompletableFuture.failedFuture(cause);
                      });
            })
        .thenCompose(next -> next);
  }

  /**
   * Reads once more after a re-send answered {@code result}: a first send still running when the
   * slot was read unchanged may have landed after the re-send, replacing what it returned. Then the
   * read is the result ({@link LostAnswerProbe#applied}); a read that fails leaves the re-send's
   * answer, the best known.
   */
  private static <S, T> CompletableFuture<T> confirmResent(LostAnswerProbe<S, T> probe, T result) {
    return probe
        .read()
        .handle(
            (after, readError) -> {
              if (readError != null) {
                LOG.warn(
                    "{}: re-sent and answered; the read confirming nothing landed after it failed"
                        + " ({})",
                    probe.what(),
                    Futures.unwrap(readError).getClass().getName());
                return probe.resent(result);
              }
              if (probe.stillHolds(result, after)) {
                return probe.resent(result);
              }
              LOG.warn(
                  "{}: the first send landed after the re-send; the credential read now is the"
                      + " result",
                  probe.what());
              return probe.applied(after);
            });
  }

  private static OutcomeUnknownException unknown(
      LostAnswerProbe<?, ?> probe,
      String why,
      int sends,
      OutcomeUnknownException lost,
      @Nullable OutcomeUnknownException first,
      @Nullable Throwable check) {
    OutcomeUnknownException e =
        new OutcomeUnknownException(probe.what() + ": the answer was lost and " + why, sends, lost);
    if (first != null) {
      e.addSuppressed(first);
    }
    if (check != null) {
      e.addSuppressed(check);
    }
    return e;
  }
}
