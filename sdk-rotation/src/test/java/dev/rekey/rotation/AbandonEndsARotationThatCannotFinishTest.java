package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.Secret;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.rotation.JournalRecord.Phase;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A rotation that fails the same way on every resume (here: the service refuses the caller) is
 * continued by every {@code rotate} until {@code abandon} ends it; then {@code rotate} starts a new
 * one, and nothing was sent or published by the abandoning itself.
 */
class AbandonEndsARotationThatCannotFinishTest {
  @Test
  void aRefusedRotationIsContinuedUntilAbandonedThenANewOneStarts() {
    AtomicBoolean refused = new AtomicBoolean(true);
    AtomicInteger generations = new AtomicInteger();
    ServerGeneratedTarget target =
        new ScriptedTarget(
            "refused:one",
            () -> {
              generations.incrementAndGet();
              if (refused.get()) {
                throw new ServiceException(
                    new ServiceError(403, "AuthorizationFailed", "no", null, List.of(), "r1"));
              }
              return Credential.of(Slot.of("value"), Secret.of("generated"));
            });
    MemoryJournal journal = new MemoryJournal();
    AtomicInteger published = new AtomicInteger();
    Rotator rotator =
        Rotator.builder()
            .sink(CallbackSink.of((c, v) -> published.incrementAndGet()))
            .journal(journal)
            .build();

    RotationException first =
        catchThrowableOfType(RotationException.class, () -> rotator.rotate(target));
    RotationException again =
        catchThrowableOfType(RotationException.class, () -> rotator.rotate(target));
    assertThat(again.rotationId()).isEqualTo(first.rotationId());

    int sends = generations.get();
    RotationResult abandoned = rotator.abandon(target, "role assignment fixed by hand");
    assertThat(abandoned.status()).isEqualTo(RotationResult.Status.ABANDONED);
    assertThat(abandoned.rotation()).contains(first.rotationId());
    assertThat(generations).hasValue(sends);
    assertThat(published).hasValue(0);
    JournalRecord last = journal.records(target.id()).get(journal.records(target.id()).size() - 1);
    assertThat(last.step()).isEqualTo(Step.ABORT);
    assertThat(last.phase()).isEqualTo(Phase.DONE);
    assertThat(last.detail()).contains("abandoned: role assignment fixed by hand");
    assertThat(rotator.abandon(target, "again").status())
        .isEqualTo(RotationResult.Status.NOTHING_TO_RESUME);

    refused.set(false);
    RotationResult fresh = rotator.rotate(target);
    assertThat(fresh.status()).isEqualTo(RotationResult.Status.COMPLETED);
    assertThat(fresh.rotation()).isNotEqualTo(abandoned.rotation());
    assertThat(published).hasValue(1);
  }
}
