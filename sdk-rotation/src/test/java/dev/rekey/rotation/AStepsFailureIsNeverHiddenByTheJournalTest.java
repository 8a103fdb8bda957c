package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.rotation.JournalRecord.Phase;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * When the journal cannot record a step's failure or an abort, the caller still gets the step's own
 * failure (what happened to the credential, why the rotation stopped), the journal's attached to
 * it.
 */
class AStepsFailureIsNeverHiddenByTheJournalTest {
  /** A journal whose disk fails exactly when a record {@code fails} is to be written. */
  static final class FailingJournal implements Journal {
    final MemoryJournal delegate = new MemoryJournal();
    final Predicate<JournalRecord> fails;

    FailingJournal(Predicate<JournalRecord> fails) {
      this.fails = fails;
    }

    @Override
    public void append(JournalRecord record) {
      if (fails.test(record)) {
        throw new RekeyException("cannot write journal (disk full)");
      }
      delegate.append(record);
    }

    @Override
    public List<JournalRecord> records(String targetId) {
      return delegate.records(targetId);
    }

    @Override
    public void close() {}
  }

  @Test
  void theStepsOwnFailureReachesTheCallerWithTheJournalsSuppressed() {
    OutcomeUnknownException lost =
        new OutcomeUnknownException("generate answered HTTP 502", 1, new RuntimeException("502"));
    ServerGeneratedTarget target =
        new ScriptedTarget(
            "lost:one",
            () -> {
              throw lost;
            });
    Rotator rotator =
        Rotator.builder()
            .sink(CallbackSink.of((c, v) -> {}))
            .journal(new FailingJournal(r -> r.phase() == Phase.FAILED))
            .build();

    RotationException e =
        catchThrowableOfType(RotationException.class, () -> rotator.rotate(target));

    assertThat(e.getCause()).isSameAs(lost);
    assertThat(lost.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s).hasMessageContaining("disk full"));
  }

  @Test
  void aRejectedValueStaysTheCauseWhenTheJournalCannotRecordTheAbort() {
    Slot slot = Slot.of("value");
    VerificationFailedException rejected =
        new VerificationFailedException("rejected:one", slot, "HTTP 401");
    ServerGeneratedTarget target =
        new ScriptedTarget(
            "rejected:one",
            () -> Credential.of(slot, Secret.of("new-value")),
            (context, credential) -> {
              throw rejected;
            });
    FailingJournal journal = new FailingJournal(r -> r.step() == Step.ABORT);
    Rotator rotator =
        Rotator.builder().sink(CallbackSink.of((c, v) -> {})).journal(journal).build();

    RotationException e =
        catchThrowableOfType(RotationException.class, () -> rotator.rotate(target));

    assertThat(e.getCause()).isSameAs(rejected);
    assertThat(e.resumable()).isFalse();
    assertThat(e.step()).isEqualTo(Step.VERIFY);
    assertThat(e)
        .hasMessageContaining("the service rejected the new value in slot value")
        .hasMessageContaining("the journal could not record the abort")
        .hasMessageContaining("abandon");
    assertThat(rejected.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s).hasMessageContaining("disk full"));
  }
}
