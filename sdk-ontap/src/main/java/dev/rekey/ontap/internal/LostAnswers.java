package dev.rekey.ontap.internal;

import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.TransportException;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.ontap.OntapErrorCode;
import dev.rekey.ontap.OntapServiceException;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Establishes what happened to a password change whose answer was lost, never applying it twice.
 *
 * <ol>
 *   <li>For the client's own account, log in with the new password first: after a landed change the
 *       old password can no longer send anything.
 *   <li>Otherwise send the same change once more. Created, or a job that succeeds: it is applied
 *       now. Refused (or its job failed) with 7077925, "same as the old password": the first send
 *       had set it.
 *   <li>Any other answer (7077924 "one of the last N", 401, an unreadable error, a job failure, a
 *       lost answer again): log in with the new password. It works: the change took effect. It does
 *       not, and the cluster read and refused the re-send on its content (an ONTAP error code) for
 *       a reason the first send would have met the same way (too short, contains the user name,
 *       ...): that refusal. Anything else, or a login check that fails itself: {@link
 *       OutcomeUnknownException} counting every send.
 * </ol>
 *
 * <p>7077924 is never that refusal: a landed first send makes the new password one of the last N,
 * so the re-send is refused that way, and a failed login does not prove the first send missed: an
 * account may not log in over HTTP (SSH-only), or not at this address (an SVM account checked at
 * the cluster's).
 */
final class LostAnswers {
  private final PasswordChanges changes;
  private final HttpPipeline pipeline;
  private final LoginCheck logins;

  LostAnswers(PasswordChanges changes, HttpPipeline pipeline, LoginCheck logins) {
    this.changes = changes;
    this.pipeline = pipeline;
    this.logins = logins;
  }

  CompletableFuture<Operation<PasswordChangeResult>> confirm(
      PasswordChangeRequest r, ApiRequest post, OutcomeUnknownException lost) {
    PasswordChanges.LOG.info(
        "ONTAP changePassword for {}: answer lost after {} send(s), confirming the outcome",
        r.name(),
        lost.attempts());
    if (!changes.isOwn(r)) {
      return resend(r, post, lost);
    }
    return logins
        .authenticates(r.name(), r.password())
        .handle(
            (landed, error) -> {
              if (error != null) {
                return CompletableFuture.<Operation<PasswordChangeResult>>failedFuture(
                    unknown(r, lost.attempts(), lost, lost, Futures.unwrap(error)));
              }
              return landed
                  ? CompletableFuture.completedFuture(
                      changes.done(r, ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN))
                  : resend(r, post, lost);
            })
        .thenCompose(next -> next);
  }

  private CompletableFuture<Operation<PasswordChangeResult>> resend(
      PasswordChangeRequest r, ApiRequest post, OutcomeUnknownException lost) {
    return pipeline
        .sendAsync(post)
        .thenCompose(
            response -> {
              Operation<PasswordChangeResult> op = changes.accepted(r, response, true);
              return op.toFuture().thenApply(result -> Operation.completed(op.id(), result));
            })
        .exceptionallyCompose(error -> refused(r, lost, Futures.unwrap(error)));
  }

  private CompletableFuture<Operation<PasswordChangeResult>> refused(
      PasswordChangeRequest r, OutcomeUnknownException lost, Throwable cause) {
    if (said(cause, OntapErrorCode.SAME_AS_OLD)) {
      return CompletableFuture.completedFuture(
          changes.done(r, ChangeEvidence.EARLIER_ATTEMPT_SAME_AS_OLD));
    }
    int sends = lost.attempts() + sendsOf(cause);
    return logins
        .authenticates(r.name(), r.password())
        .handle(
            (landed, error) -> {
              if (error != null) {
                throw unknown(r, sends, lost, cause, Futures.unwrap(error));
              }
              if (landed) {
                return changes.done(r, ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
              }
              if (isFinalRefusal(cause)) {
                cause.addSuppressed(lost);
                throw cause instanceof RuntimeException e ? e : new CompletionException(cause);
              }
              throw unknown(r, sends, lost, cause, null);
            });
  }

  /**
   * The cluster read the re-send and refused it for what it asked (not who asked, not a gateway),
   * and not with 7077924, which a landed first send causes.
   */
  private static boolean isFinalRefusal(Throwable cause) {
    if (said(cause, OntapErrorCode.REUSED_RECENT_PASSWORD)) {
      return false;
    }
    if (cause instanceof OntapServiceException s) {
      int status = s.statusCode();
      return status >= 400
          && status < 500
          && status != 401
          && status != 403
          && status != 408
          && status != 429
          && s.errorCode().isPresent();
    }
    return cause instanceof OperationFailedException f && f.errorCode().isPresent();
  }

  private static boolean said(Throwable cause, OntapErrorCode code) {
    if (cause instanceof OntapServiceException s) {
      return s.is(code);
    }
    return cause instanceof OperationFailedException f && f.hasCode(code.code());
  }

  /**
   * Counts the sends a failed re-send made: what its exception counted (a lost job counts the sends
   * of the re-send that started it); for a refusal, one, unless it is a 429 or 503 the pipeline
   * retried (it re-sends a password change only on those) until its attempts ran out.
   */
  private int sendsOf(Throwable cause) {
    if (cause instanceof OutcomeUnknownException again) {
      return again.attempts();
    }
    if (cause instanceof TransportException t) {
      return t.attempts();
    }
    if (cause instanceof OntapServiceException s
        && (s.statusCode() == 429 || s.statusCode() == 503)
        && pipeline.options().retryPolicy().retryableStatusCodes().contains(s.statusCode())) {
      return pipeline.options().retryPolicy().maxAttempts();
    }
    return 1;
  }

  private static OutcomeUnknownException unknown(
      PasswordChangeRequest r,
      int sends,
      OutcomeUnknownException lost,
      Throwable cause,
      @Nullable Throwable check) {
    OutcomeUnknownException e =
        new OutcomeUnknownException(
            "ONTAP changePassword for "
                + r.name()
                + ": the answer was lost and confirming it failed ("
                + cause.getClass().getSimpleName()
                + ")",
            sends,
            cause);
    if (cause != lost) {
      e.addSuppressed(lost);
    }
    if (check != null) {
      e.addSuppressed(check);
    }
    return e;
  }
}
