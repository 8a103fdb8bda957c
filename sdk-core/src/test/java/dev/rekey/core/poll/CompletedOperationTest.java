package dev.rekey.core.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CompletedOperationTest {
  @Test
  void everyToFutureCallReturnsTheSameCompletedFuture() {
    Operation<String> op = Operation.completed("req-1", "value");

    CompletableFuture<String> first = op.toFuture();

    assertThat(op.toFuture()).isSameAs(first);
    assertThat(first).isCompletedWithValue("value");
  }

  @Test
  void cancellingIsRefusedAndLeavesTheFutureCompleted() {
    Operation<String> op = Operation.completed("req-1", "value");

    assertThat(op.cancel()).isFalse();
    assertThat(op.toFuture().cancel(true)).isFalse();

    assertThat(op.toFuture()).isCompletedWithValue("value");
    assertThat(op.waitForCompletion(Duration.ZERO)).isEqualTo("value");
    assertThat(op.poll()).contains("value");
  }
}
