package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.rotation.JournalRecord.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the journal cannot record a step's failure, the caller still gets the step's own failure
 * (what happened to the credential), the journal's attached to it.
 */
class AStepsFailureIsNeverHiddenByTheJournalTest {
  /** A journal whose disk fails exactly when a failure is to be recorded. */
  static final class FailsOnFailedRecords implements Journal {
    final MemoryJournal delegate = new MemoryJournal();

    @Override
    public void append(JournalRecord record) {
      if (record.phase() == Phase.FAILED) {
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
            .journal(new FailsOnFailedRecords())
            .build();

    RotationException e =
        catchThrowableOfType(RotationException.class, () -> rotator.rotate(target));

    assertThat(e.getCause()).isSameAs(lost);
    assertThat(lost.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s).hasMessageContaining("disk full"));
  }
}
