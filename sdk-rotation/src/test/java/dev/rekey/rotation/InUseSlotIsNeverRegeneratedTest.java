package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.rotation.CrashingJournal.Mode;
import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationResult.Status;
import dev.rekey.rotation.azure.StorageKeyTarget;
import dev.rekey.testkit.StorageKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the sink's current slot changed under an interrupted rotation (someone published the standby
 * by hand), resume reads the sink, refuses to regenerate the slot now in use, and aborts; the next
 * rotate starts afresh from the sink's new state.
 */
class InUseSlotIsNeverRegeneratedTest {
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

  @Test
  void resumeRefusesToRegenerateASlotTheSinkNowCallsCurrentAndTheNextRotateStartsAfresh() {
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("s.json")));
    c.seed();
    StorageKeys keys =
        world
            .emulators
            .armStorage()
            .account(World.SUB, "rg", c.target().id().substring("storage:rg/".length()))
            .orElseThrow();
    MemoryJournal journal = new MemoryJournal();
    Rotator crashing =
        Rotator.builder()
            .sink(c.sink())
            .journal(new CrashingJournal(journal, 1, Mode.AFTER_WRITE, r -> {}))
            .build();
    assertThatThrownBy(() -> crashing.rotate(c.target())).isInstanceOf(CrashingJournal.Crash.class);
    DualSlotTarget target = (DualSlotTarget) c.target();
    c.sink()
        .publish(
            RotationContext.of("by-hand", target.id()),
            target.read(StorageKeyTarget.KEY2).orElseThrow());
    Rotator rotator = Rotator.builder().sink(c.sink()).journal(journal).build();

    assertThatThrownBy(() -> rotator.resume(target))
        .isInstanceOfSatisfying(
            RotationException.class,
            e -> {
              assertThat(e.resumable()).isFalse();
              assertThat(e.step()).isEqualTo(Step.REGENERATE);
            })
        .hasMessageContaining("slot key2 is the one the sink calls current (rotation by-hand)");
    assertThat(keys.regenerations("key2")).isZero();
    assertThat(journal.all()).last().satisfies(r -> assertThat(r.step()).isEqualTo(Step.ABORT));

    assertThat(rotator.rotate(target).status()).isEqualTo(Status.COMPLETED);
    assertThat(c.sink().current(target.id()).orElseThrow().slot().name()).isEqualTo("key1");
    assertThat(keys.regenerations("key1")).isEqualTo(1);
    assertThat(keys.regenerations("key2")).as("retired after key1 became current").isEqualTo(1);
    assertThat(c.currentWorks()).isTrue();
  }
}
