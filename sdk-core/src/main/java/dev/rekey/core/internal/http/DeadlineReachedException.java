package dev.rekey.core.internal.http;

import dev.rekey.core.RekeyException;
import org.jspecify.annotations.Nullable;

/**
 * A call given an end ({@link HttpPipeline#send(ApiRequest, java.time.Instant)}) reached it before
 * an answer: its last attempt was cut at the end, or the next retry would have started after it.
 * Only the caller that set the end sees it, and says what it means (a poller: not finished yet).
 */
public final class DeadlineReachedException extends RekeyException {
  private static final long serialVersionUID = 1L;

  DeadlineReachedException(@Nullable Throwable lastFailure) {
    super("the call reached its end before an answer", lastFailure);
  }
}
