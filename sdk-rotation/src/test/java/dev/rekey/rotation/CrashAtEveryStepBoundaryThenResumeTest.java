package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.rotation.CrashingJournal.Mode;
import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationResult.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For every target, a crash at every step boundary (before and after each journal record) followed
 * by resume ends consistent: the sink's current value is this rotation's and works, dual-slot
 * targets' current value worked at every boundary, the service made at most one value more than a
 * clean rotation does, and a second resume changes nothing.
 */
class CrashAtEveryStepBoundaryThenResumeTest {
  private static World world;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    world = new World();
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void resumeAfterACrashAtAnyBoundaryReachesAConsistentEnd(Kind kind) {
    int boundaries = cleanRotationAppends(kind);
    assertThat(boundaries).as("journal records of a clean rotation").isGreaterThanOrEqualTo(6);
    for (int at = 1; at <= boundaries; at++) {
      for (Mode mode : Mode.values()) {
        crashThenResume(kind, at, mode);
      }
    }
  }

  private int cleanRotationAppends(Kind kind) {
    Case c = kind.create(world, FileSink.of(dir.resolve(kind + "-clean.json")));
    c.seed();
    int before = c.changes().getAsInt();
    CrashingJournal journal =
        new CrashingJournal(
            new MemoryJournal(), 0, Mode.AFTER_WRITE, checks(kind, c, new ArrayList<>()));
    RotationResult result = rotator(journal, c.sink()).rotate(c.target());
    assertThat(result.status()).isEqualTo(Status.COMPLETED);
    assertThat(c.currentWorks()).isTrue();
    assertThat(c.changes().getAsInt() - before).isEqualTo(c.changesPerRotation());
    return journal.appends();
  }

  private void crashThenResume(Kind kind, int at, Mode mode) {
    String label = kind + " crash at append " + at + " " + mode;
    Case c = kind.create(world, FileSink.of(dir.resolve(kind + "-" + at + "-" + mode + ".json")));
    c.seed();
    int before = c.changes().getAsInt();
    List<String> violations = new ArrayList<>();
    MemoryJournal durable = new MemoryJournal();
    Rotator crashing =
        rotator(new CrashingJournal(durable, at, mode, checks(kind, c, violations)), c.sink());
    assertThatThrownBy(() -> crashing.rotate(c.target()))
        .as(label)
        .isInstanceOf(CrashingJournal.Crash.class);

    Rotator restarted =
        rotator(new CrashingJournal(durable, 0, mode, checks(kind, c, violations)), c.sink());
    RotationResult resumed = restarted.resume(c.target());
    assertThat(resumed.status()).as(label).isIn(Status.COMPLETED, Status.NOTHING_TO_RESUME);
    assertThat(violations)
        .as(label + ": boundaries where the sink's current value did not work")
        .isEmpty();

    if (durable.all().isEmpty()) {
      assertThat(resumed.status())
          .as(label + ": crashed before the first record")
          .isEqualTo(Status.NOTHING_TO_RESUME);
      assertThat(c.changes().getAsInt()).as(label).isEqualTo(before);
      assertThat(c.currentWorks()).as(label).isEqualTo(kind != Kind.NETAPP);
      return;
    }
    String rotationId = durable.all().get(0).rotationId();
    assertThat(durable.all())
        .as(label)
        .last()
        .satisfies(r -> assertThat(r.step()).isEqualTo(Step.COMPLETE));
    assertThat(c.sink().current(c.target().id()))
        .as(label)
        .hasValueSatisfying(p -> assertThat(p.rotationId()).isEqualTo(rotationId));
    assertThat(c.currentWorks()).as(label + ": current works after resume").isTrue();
    assertThat(c.sink().pending(c.target().id())).as(label).isEmpty();
    int changes = c.changes().getAsInt() - before;
    assertThat(changes)
        .as(label + ": new values made by the service")
        .isBetween(c.changesPerRotation(), c.changesPerRotation() + 1);
    if (kind == Kind.ONTAP) {
      assertThat(changes)
          .as(label + ": ONTAP probes by login, so it never changes twice")
          .isEqualTo(1);
    }

    int records = durable.all().size();
    assertThat(restarted.resume(c.target()).status()).as(label).isEqualTo(Status.NOTHING_TO_RESUME);
    assertThat(c.changes().getAsInt() - before)
        .as(label + ": resume after completion")
        .isEqualTo(changes);
    assertThat(durable.all()).as(label).hasSize(records);
  }

  /**
   * At every boundary: dual-slot, the current value works; single-slot, current or pending does.
   */
  private static Consumer<JournalRecord> checks(Kind kind, Case c, List<String> violations) {
    return record -> {
      boolean ok =
          kind.dualSlot
              ? c.currentWorks()
              : kind == Kind.ONTAP ? c.currentWorks() || c.pendingWorks() : true;
      if (!ok) {
        violations.add(record.toString());
      }
    };
  }

  private static Rotator rotator(Journal journal, Sink sink) {
    return Rotator.builder().journal(journal).sink(sink).build();
  }
}
