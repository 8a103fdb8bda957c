package dev.rekey.ontap.internal;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.MalformedBodyException;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one code path of a password change: send the POST once; 201 is done, 202 is a job to follow
 * ({@link OwnJob} when it changes the client's own password). When the answer was lost and the
 * caller asked to confirm the outcome, {@link LostAnswers} finds out what happened.
 */
public final class PasswordChanges {
  static final Logger LOG = LoggerFactory.getLogger(PasswordChanges.class);

  private final HttpPipeline pipeline;
  private final HttpUrl base;
  private final @Nullable OwnAccount own;
  private final LostAnswers lostAnswers;

  /**
   * Creates the flow; {@code own} is the account the client logs in with, when it uses basic auth.
   */
  public PasswordChanges(
      HttpPipeline pipeline, HttpUrl base, LoginCheck logins, @Nullable OwnAccount own) {
    this.pipeline = pipeline;
    this.base = base;
    this.own = own;
    this.lostAnswers = new LostAnswers(this, pipeline, logins);
  }

  /** Sends the change and completes with its operation: already done (201) or a job (202). */
  public CompletableFuture<Operation<PasswordChangeResult>> begin(PasswordChangeRequest r) {
    ApiRequest post = PasswordRequests.change(base, r);
    // Only a lost send is confirmed: an answer that accepted the change (a job Rekey cannot
    // follow) may still run, and neither a login nor a re-send can say what it will do.
    return Futures.handleCompose(
        pipeline.sendAsync(post),
        (response, error) -> {
          if (error == null) {
            try {
              return CompletableFuture.completedFuture(accepted(r, response, false));
            } catch (RuntimeException e) {
              return CompletableFuture.<Operation<PasswordChangeResult>>failedFuture(e);
            }
          }
          Throwable cause = Futures.unwrap(error);
          if (cause instanceof OutcomeUnknownException lost && r.confirmOutcome()) {
            return lostAnswers.confirm(r, post, lost);
          }
          return CompletableFuture.<Operation<PasswordChangeResult>>failedFuture(cause);
        });
  }

  /**
   * Does what {@link #begin} does on the caller's thread: the POST goes through {@link
   * HttpPipeline#send}, so a sync call costs no hand-over to a dispatcher thread and back. Only a
   * lost answer that must be confirmed runs the (one, async) confirmation flow, and waits for it.
   *
   * @throws RekeyException the exceptions the future of {@link #begin} fails with
   */
  public Operation<PasswordChangeResult> beginNow(PasswordChangeRequest r) {
    ApiRequest post = PasswordRequests.change(base, r);
    ApiResponse response;
    try {
      response = pipeline.send(post);
    } catch (OutcomeUnknownException lost) {
      if (!r.confirmOutcome()) {
        throw lost;
      }
      return Futures.joinConfirmation(
          lostAnswers.confirm(r, post, lost), "ONTAP changePassword for " + r.name(), lost);
    }
    return accepted(r, response, false);
  }

  /**
   * Reads the answer to a send: 201 (or 200) is done, 202 a job to follow. Any other status below
   * 400 leaves the outcome unknown.
   */
  Operation<PasswordChangeResult> accepted(
      PasswordChangeRequest r, ApiResponse response, boolean resent) {
    if (response.statusCode() == 202) {
      String jobUuid;
      try {
        jobUuid = Codecs.jsonTree(response.body()).path("job").path("uuid").asString("");
      } catch (
          MalformedBodyException e) { // accepted, so the change may run: never an internal type
        throw new OutcomeUnknownException(
            "ONTAP changePassword was accepted (HTTP 202) but its job could not be read",
            response.attempts(),
            e);
      }
      ChangeEvidence evidence =
          resent ? ChangeEvidence.RESENT_AND_APPLIED : ChangeEvidence.JOB_SUCCEEDED;
      Supplier<Operation<PasswordChangeResult>> job =
          () ->
              JobPolling.begin(
                  pipeline,
                  base,
                  response,
                  finished -> applied(r, result(r, evidence).jobUuid(jobUuid).build()));
      return own != null && own.is(r) ? new OwnJob(pipeline, own, r.password(), job) : job.get();
    }
    if (response.statusCode() == 200 || response.statusCode() == 201) {
      PasswordChangeResult.Builder b =
          result(r, resent ? ChangeEvidence.RESENT_AND_APPLIED : ChangeEvidence.CREATED);
      response.header("Location").ifPresent(b::location);
      PasswordChangeResult done = applied(r, b.build());
      return Operation.completed(done.location().orElse(r.name()), done);
    }
    throw new OutcomeUnknownException(
        "ONTAP changePassword answered HTTP "
            + response.statusCode()
            + ", neither created nor a job",
        response.attempts(),
        new RekeyException("unexpected HTTP " + response.statusCode()));
  }

  /** Returns the completed operation of a change established after a lost answer. */
  Operation<PasswordChangeResult> done(PasswordChangeRequest r, ChangeEvidence evidence) {
    LOG.info("ONTAP changePassword for {}: the change took effect ({})", r.name(), evidence);
    return Operation.completed(r.name(), applied(r, result(r, evidence).build()));
  }

  /** Returns whether {@code r} changes the password this client logs in with. */
  boolean isOwn(PasswordChangeRequest r) {
    return own != null && own.is(r);
  }

  private PasswordChangeResult applied(PasswordChangeRequest r, PasswordChangeResult result) {
    if (own != null && own.is(r)) {
      own.switchTo(r.password());
    }
    return result;
  }

  private static PasswordChangeResult.Builder result(
      PasswordChangeRequest r, ChangeEvidence evidence) {
    PasswordChangeResult.Builder b =
        PasswordChangeResult.builder().accountName(r.name()).evidence(evidence);
    r.owner().ifPresent(b::owner);
    return b;
  }
}
