package dev.rekey.ontap.internal;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.internal.Futures;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.poll.Operation;
import dev.rekey.ontap.model.PasswordChangeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The job of a change of the client's own password. Its polls log in with the client's password,
 * which the job makes stale once it applies the change: a poll refused with 401 switches the client
 * to the new password, as a landed change does, and follows the job again with it. When the new
 * password is refused too, the client goes back to the old one and the outcome stays unknown.
 */
final class OwnJob implements Operation<PasswordChangeResult> {
  private final HttpPipeline pipeline;
  private final OwnAccount own;
  private final Secret newPassword;
  private final Supplier<Operation<PasswordChangeResult>> follow;
  private final Operation<PasswordChangeResult> first;
  private @Nullable Operation<PasswordChangeResult> again;
  private @Nullable Secret oldPassword;
  private @Nullable CompletableFuture<PasswordChangeResult> future;
  private boolean cancelled;

  /**
   * Follows the job {@code follow} starts (called once more to follow it with the new password),
   * whose polls {@code pipeline} sends with {@code own}'s password.
   */
  OwnJob(
      HttpPipeline pipeline,
      OwnAccount own,
      Secret newPassword,
      Supplier<Operation<PasswordChangeResult>> follow) {
    this.pipeline = pipeline;
    this.own = own;
    this.newPassword = newPassword;
    this.follow = follow;
    this.first = follow.get();
  }

  @Override
  public String id() {
    return first.id();
  }

  @Override
  public String lastStatus() {
    return current().lastStatus();
  }

  @Override
  public Optional<PasswordChangeResult> poll() {
    return run(Operation::poll);
  }

  @Override
  public PasswordChangeResult waitForCompletion() {
    return waitForCompletion(pipeline.options().pollingPolicy().timeout());
  }

  @Override
  public PasswordChangeResult waitForCompletion(Duration timeout) {
    Instant deadline = pipeline.time().now().plus(timeout);
    return run(
        op -> {
          Duration left = Duration.between(pipeline.time().now(), deadline);
          return op.waitForCompletion(left.isNegative() ? Duration.ZERO : left);
        });
  }

  @Override
  public synchronized CompletableFuture<PasswordChangeResult> toFuture() {
    if (future == null) {
      future = followAsync(current());
    }
    return future;
  }

  @Override
  public boolean cancel() {
    Operation<PasswordChangeResult> op;
    CompletableFuture<PasswordChangeResult> f;
    synchronized (this) {
      cancelled = true;
      op = current();
      f = future;
    }
    boolean stopped = op.cancel();
    if (f != null) {
      f.cancel(false);
    }
    return stopped;
  }

  private <R> R run(Function<Operation<PasswordChangeResult>, R> look) {
    Operation<PasswordChangeResult> op = current();
    while (true) {
      try {
        return look.apply(op);
      } catch (OutcomeUnknownException e) {
        op = next(op, e);
      }
    }
  }

  private CompletableFuture<PasswordChangeResult> followAsync(Operation<PasswordChangeResult> op) {
    return op.toFuture()
        .exceptionallyCompose(
            error -> {
              Throwable cause = Futures.unwrap(error);
              if (!(cause instanceof OutcomeUnknownException e)) {
                return CompletableFuture.failedFuture(cause);
              }
              try {
                return followAsync(next(op, e));
              } catch (OutcomeUnknownException unknown) {
                return CompletableFuture.failedFuture(unknown);
              }
            });
  }

  /**
   * Returns the operation to follow after {@code failed} ended unknown with {@code e}: the job
   * followed with the new password when the old one was refused; otherwise throws {@code e}, going
   * back to the old password when the new one was refused too.
   */
  private synchronized Operation<PasswordChangeResult> next(
      Operation<PasswordChangeResult> failed, OutcomeUnknownException e) {
    if (!(e.getCause() instanceof ServiceException s && s.statusCode() == 401) || cancelled) {
      throw e;
    }
    if (failed == first) {
      if (again == null) {
        oldPassword = own.switchTo(newPassword);
        again = follow.get();
      }
      return again;
    }
    if (oldPassword != null) {
      own.switchBack(newPassword, oldPassword);
    }
    throw e;
  }

  private synchronized Operation<PasswordChangeResult> current() {
    return again != null ? again : first;
  }
}
