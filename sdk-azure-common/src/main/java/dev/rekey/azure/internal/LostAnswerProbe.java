package dev.rekey.azure.internal;

import java.util.concurrent.CompletableFuture;

/**
 * What {@link LostAnswerCheck} needs of one rotation: how to read the credential's state, how to
 * send the rotation, and what a changed state means.
 *
 * @param <S> the state read before and after (keys, or a token's password creation times)
 * @param <T> the rotation's result
 */
public interface LostAnswerProbe<S, T> {
  /**
   * Names the rotation in messages and logs without any secret, e.g. {@code Storage regenerateKey
   * key2 of st1}.
   */
  String what();

  /** Reads the credential's state; a read changes nothing. */
  CompletableFuture<S> read();

  /**
   * Sends the rotation once (following its operation if accepted) and completes with its result.
   */
  CompletableFuture<T> send();

  /**
   * Returns whether the rotated slot differs between {@code before} and {@code after}.
   *
   * @throws dev.rekey.core.RekeyException if {@code after} cannot show it (the slot's state is not
   *     in the read): the outcome then stays unknown, never "not applied"
   */
  boolean changed(S before, S after);

  /**
   * Returns the result of a rotation established by reading {@code after}, or throws when the read
   * cannot carry it (ACR: a {@link dev.rekey.core.CredentialNotReturnedException}).
   */
  T applied(S after);

  /**
   * Returns whether {@code after}, read once a re-send answered {@code result}, still shows that
   * result in the rotated slot. When it does not, the first send (whose answer was lost) was still
   * running when the slot was read unchanged, and landed after the re-send.
   */
  boolean stillHolds(T result, S after);

  /** Returns {@code result}, the answer to a re-send, marked as such. */
  T resent(T result);
}
