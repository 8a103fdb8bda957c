package dev.rekey.core.internal.poll;

import dev.rekey.core.CredentialNotReturnedException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.TransportException;
import dev.rekey.core.internal.codec.MalformedBodyException;
import dev.rekey.core.internal.http.ApiResponse;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a call's final answer so that a finished operation never yields {@code null}, and says what
 * an unreadable answer means: for a rotation, a {@link CredentialNotReturnedException} (the change
 * exists on the service); for a read, a {@link TransportException} that says nothing was changed.
 *
 * @param <T> the type of the final result
 */
public final class ResultReader<T> {
  private static final String EMPTY = "the service sent an empty result";

  private final Function<ApiResponse, T> decoder;
  private final @Nullable Supplier<String> recovery;

  private ResultReader(Function<ApiResponse, T> decoder, @Nullable Supplier<String> recovery) {
    this.decoder = Objects.requireNonNull(decoder, "decoder == null");
    this.recovery = recovery;
  }

  /** Returns the reader of a read's answer: nothing changed on the service, whatever the answer. */
  public static <T> ResultReader<T> ofRead(Function<ApiResponse, T> decoder) {
    return new ResultReader<>(decoder, null);
  }

  /**
   * Returns the reader of a rotation's final answer. {@code decoder} throws (any {@link
   * RuntimeException}, message without body or secret) or returns null when the answer lacks the
   * credential the call promised; {@code recovery} says what then exists on the service and how to
   * recover, e.g. {@code password1 of token t1 was regenerated; regenerate password1 again,
   * knowingly}: built only for that failure, not on every call.
   */
  public static <T> ResultReader<T> ofRotation(
      Function<ApiResponse, T> decoder, Supplier<String> recovery) {
    return new ResultReader<>(decoder, Objects.requireNonNull(recovery, "recovery == null"));
  }

  /**
   * Returns the reader of a rotation that regenerated {@code what} (e.g. {@code key1 of storage
   * account a}) on the service, whose unreadable answer is reported as {@link #regenerated(String,
   * int, String)} says.
   */
  public static <T> ResultReader<T> ofRegeneration(
      Function<ApiResponse, T> decoder, Supplier<String> what, int values, String then) {
    return ofRotation(decoder, () -> regenerated(what.get(), values, then));
  }

  /**
   * Returns the one wording of "it succeeded, but the new credential could not be read": {@code
   * what} was regenerated on the service and its old value no longer works (with {@code values}
   * above 1: were, their old values no longer work); then {@code then}, how to recover.
   */
  public static String regenerated(String what, int values, String then) {
    String happened =
        values == 1
            ? " was regenerated on the service and its old value no longer works; "
            : " were regenerated on the service and their old values no longer work; ";
    return what + happened + then;
  }

  /** Returns whether the call this reader reads changes something on the service. */
  public boolean isRotation() {
    return recovery != null;
  }

  /**
   * Returns the decoded value of {@code response}, the final answer of operation {@code
   * operationId}.
   *
   * @throws CredentialNotReturnedException for a rotation whose answer is empty, malformed or lacks
   *     the promised credential
   * @throws TransportException for a read whose answer cannot be read
   */
  public T read(String operationId, ApiResponse response) {
    boolean empty = response.body().length == 0;
    T value;
    try {
      value = decoder.apply(response);
    } catch (CredentialNotReturnedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unreadable(operationId, empty ? EMPTY : reason(e), e);
    }
    if (value == null) {
      throw unreadable(operationId, empty ? EMPTY : "the result could not be decoded", null);
    }
    return value;
  }

  /**
   * Returns the exception for a final answer of {@code operationId} that could not be read, and
   * why.
   */
  public RekeyException unreadable(String operationId, String why, @Nullable Throwable cause) {
    if (recovery != null) {
      return new CredentialNotReturnedException(operationId, why, recovery.get(), cause);
    }
    return new TransportException(
        "the answer to "
            + operationId
            + " could not be read ("
            + why
            + "; a read changes nothing on the service, so calling it again is safe)",
        true,
        1,
        cause != null ? cause : new RekeyException(why));
  }

  private static String reason(RuntimeException e) {
    if (e instanceof MalformedBodyException) {
      return "the body is malformed";
    }
    if (e instanceof RekeyException) {
      return Objects.requireNonNullElse(e.getMessage(), "the result could not be decoded");
    }
    return "the result could not be decoded (" + e.getClass().getSimpleName() + ")";
  }
}
