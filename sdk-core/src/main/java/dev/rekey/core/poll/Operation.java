package dev.rekey.core.poll;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A handle for an asynchronous operation a service accepted: its id is readable at once, {@link
 * #poll()} looks once without waiting, {@link #waitForCompletion()} and {@link #toFuture()} wait
 * for the final result. An operation never yields {@code null}: it ends with a result or one
 * exception.
 *
 * <p>Every way of waiting throws the same exceptions: {@link
 * dev.rekey.core.OperationFailedException} when the service reports the operation failed or was
 * canceled, {@link dev.rekey.core.PollingTimeoutException} (never a {@link
 * java.util.concurrent.CancellationException}) when the deadline passes first, {@link
 * dev.rekey.core.OutcomeUnknownException} with the operation's id when a sync wait is interrupted
 * (the interrupt flag kept; the operation runs on), {@link dev.rekey.core.ServiceException} or
 * {@link dev.rekey.core.TransportException} when a poll itself fails, and {@link
 * dev.rekey.core.RekeyException} when the operation succeeded but its result could not be read.
 *
 * <p>A wait ends at most one {@link PollingPolicy#maxInterval()} after its deadline: the status
 * request sent at the deadline gets that long to answer, retries included, and a status request
 * still unanswered then ends the wait with {@link dev.rekey.core.PollingTimeoutException} (the
 * operation can be waited for again). Only the request that fetches a finished operation's result
 * is never cut short.
 *
 * @param <T> the type of the final result
 */
public interface Operation<T> {

  /**
   * Returns an operation that has already finished with {@code value}, for a service that answered
   * at once.
   *
   * @throws NullPointerException if {@code id} or {@code value} is null
   */
  static <T> Operation<T> completed(String id, T value) {
    return new CompletedOperation<>(
        Objects.requireNonNull(id, "id == null"), Objects.requireNonNull(value, "value == null"));
  }

  /**
   * Returns the operation's id: the ARM operation URL (query values other than {@code api-version}
   * masked), the classic request id, or the ONTAP job uuid.
   */
  String id();

  /** Returns the status the service last reported, as the service spelled it. */
  String lastStatus();

  /**
   * Looks at the operation once, without waiting, and returns its result if it has finished.
   *
   * @throws dev.rekey.core.OperationFailedException if the operation failed or was canceled
   * @throws dev.rekey.core.ServiceException if the status request was refused
   * @throws dev.rekey.core.TransportException if the status request could not be sent
   * @throws java.util.concurrent.CancellationException if {@link #cancel()} was called before
   * @throws dev.rekey.core.RekeyException if the operation succeeded but its result is unreadable
   */
  Optional<T> poll();

  /**
   * Waits until the operation finishes, for at most the client's {@link PollingPolicy#timeout()},
   * and returns its result.
   *
   * @throws dev.rekey.core.PollingTimeoutException if the deadline passes first
   * @throws dev.rekey.core.OperationFailedException if the operation failed or was canceled
   * @throws java.util.concurrent.CancellationException if {@link #cancel()} was called
   * @throws dev.rekey.core.RekeyException as described for {@link #poll()}
   */
  T waitForCompletion();

  /**
   * Waits until the operation finishes, for at most {@code timeout} from now, and returns its
   * result.
   *
   * @throws dev.rekey.core.PollingTimeoutException if the deadline passes first
   * @throws dev.rekey.core.OperationFailedException if the operation failed or was canceled
   * @throws java.util.concurrent.CancellationException if {@link #cancel()} was called
   * @throws dev.rekey.core.RekeyException as described for {@link #poll()}
   */
  T waitForCompletion(Duration timeout);

  /**
   * Returns a future of the result that polls without holding a thread while it waits, for at most
   * the client's {@link PollingPolicy#timeout()}; every call returns the same future. It completes
   * exceptionally with the exceptions {@link #waitForCompletion()} throws, and is cancelled by
   * {@link #cancel()}.
   */
  CompletableFuture<T> toFuture();

  /**
   * Stops polling this operation locally (the service operation itself goes on); a pending {@link
   * #toFuture()} is cancelled. Returns whether this call stopped an operation that had not
   * finished.
   */
  boolean cancel();
}
