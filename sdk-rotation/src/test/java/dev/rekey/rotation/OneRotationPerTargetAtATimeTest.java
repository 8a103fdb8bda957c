package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two threads of one rotator never rotate the same target at once: the second is refused before it
 * reads or sends anything, and a different target is not held up.
 */
class OneRotationPerTargetAtATimeTest {
  /** A server-generated target whose generation waits until the test lets it go. */
  static final class HeldTarget {
    final CountDownLatch inside = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger generations = new AtomicInteger();
    final ScriptedTarget target;

    HeldTarget(String id) {
      target = new ScriptedTarget(id, this::generate);
    }

    private Credential generate() {
      generations.incrementAndGet();
      inside.countDown();
      try {
        assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return Credential.of(Slot.of("value"), Secret.of("generated-" + generations.get()));
    }
  }

  @Test
  void aSecondRotationOfTheSameTargetIsRefusedWhileTheFirstRuns() throws Exception {
    MemoryJournal journal = new MemoryJournal();
    Rotator rotator =
        Rotator.builder().sink(CallbackSink.of((c, v) -> {})).journal(journal).build();
    HeldTarget held = new HeldTarget("held:one");
    HeldTarget other = new HeldTarget("held:two");
    other.release.countDown();

    CompletableFuture<RotationResult> first =
        CompletableFuture.supplyAsync(() -> rotator.rotate(held.target));
    assertThat(held.inside.await(10, TimeUnit.SECONDS)).isTrue();
    int recordsBefore = journal.records(held.target.id()).size();

    assertThatThrownBy(() -> rotator.rotate(held.target))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("target held:one is being rotated by another thread");
    assertThatThrownBy(() -> rotator.resume(held.target)).isInstanceOf(IllegalStateException.class);
    assertThat(journal.records(held.target.id())).hasSize(recordsBefore);
    assertThat(rotator.rotate(other.target).status()).isEqualTo(RotationResult.Status.COMPLETED);

    held.release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(RotationResult.Status.COMPLETED);
    assertThat(held.generations).hasValue(1);
    // once the first returned, the target can be rotated again
    assertThat(rotator.rotate(held.target).status()).isEqualTo(RotationResult.Status.COMPLETED);
    assertThat(held.generations).hasValue(2);
  }
}
