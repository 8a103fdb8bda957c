package dev.rekey.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.RekeyException;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FuturesTest {
  private final ServiceException failure = new ServiceException(ServiceError.ofStatus(409, null));

  @Test
  void unwrapsEveryLayerOfCompletionAndExecutionExceptions() {
    Throwable wrapped =
        new CompletionException(new ExecutionException(new CompletionException(failure)));
    assertThat(Futures.unwrap(wrapped)).isSameAs(failure);
    assertThat(Futures.unwrap(failure)).isSameAs(failure);
    CompletionException empty = new CompletionException("no cause", null);
    assertThat(Futures.unwrap(empty)).isSameAs(empty);
  }

  @Test
  void joinRethrowsTheFailureItselfAndWrapsOnlyCheckedOnes() {
    assertThat(Futures.join(CompletableFuture.completedFuture("ok"))).isEqualTo("ok");
    CompletableFuture<String> failed =
        CompletableFuture.supplyAsync(
            () -> {
              throw failure;
            });
    assertThatThrownBy(() -> Futures.join(failed)).isSameAs(failure);
    IOException io = new IOException("down");
    assertThatThrownBy(() -> Futures.join(CompletableFuture.failedFuture(io)))
        .isInstanceOf(RekeyException.class)
        .hasCause(io);
  }

  @Test
  void joinKeepsTheInterruptAndCancelsTheFuture() {
    CompletableFuture<String> never = new CompletableFuture<>();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Futures.join(never)).isInstanceOf(RekeyException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(never).isCancelled();
    } finally {
      Thread.interrupted();
    }
  }
}
