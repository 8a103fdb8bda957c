package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.rotation.CrashingJournal.Mode;
import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationResult.Status;
import dev.rekey.rotation.azure.StorageKeyTarget;
import dev.rekey.testkit.StorageKeys;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the sink's current slot changed under an interrupted rotation (someone published the standby
 * by hand), resume reads the sink, refuses to regenerate the slot now in use, and aborts; the next
 * rotate starts afresh from the sink's new state. A slot the sink names in another case (a tag
 * typed by hand) is the service's slot of that name; a slot the target does not have stops the
 * rotation.
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

  @Test
  void aSinkSlotInAnotherCaseIsTheSlotInUseAndIsNotRegenerated() {
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("case.json")));
    DualSlotTarget target = (DualSlotTarget) c.target();
    StorageKeys keys = keys(target);
    Credential key1 = target.read(StorageKeyTarget.KEY1).orElseThrow();
    c.sink()
        .publish(
            RotationContext.of("seed", target.id()), Credential.of(Slot.of("Key1"), key1.value()));
    MemoryJournal journal = new MemoryJournal();
    Rotator rotator =
        Rotator.builder().sink(c.sink()).journal(journal).retireAfter(Duration.ofHours(1)).build();

    assertThat(rotator.rotate(target).status()).isEqualTo(Status.AWAITING_RETIRE);

    assertThat(keys.regenerations("key1")).as("Key1 is key1, the key applications use").isZero();
    assertThat(keys.regenerations("key2")).isEqualTo(1);
    assertThat(keys.key("key1")).contains(key1.value());
    assertThat(c.sink().current(target.id()).orElseThrow().slot().name()).isEqualTo("key2");
    assertThat(c.currentWorks()).isTrue();
    assertThat(journal.all()).first().satisfies(r -> assertThat(r.detail()).contains("inUse=key1"));
  }

  @Test
  void aSinkSlotTheTargetDoesNotHaveStopsTheRotationBeforeAnyRegeneration() {
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("unknown.json")));
    DualSlotTarget target = (DualSlotTarget) c.target();
    Credential key1 = target.read(StorageKeyTarget.KEY1).orElseThrow();
    c.sink()
        .publish(
            RotationContext.of("seed", target.id()), Credential.of(Slot.of("key3"), key1.value()));
    long posts = world.emulators.armStorage().count("POST", ".*/regenerateKey");
    MemoryJournal journal = new MemoryJournal();
    Rotator rotator = Rotator.builder().sink(c.sink()).journal(journal).build();

    assertThatThrownBy(() -> rotator.rotate(target))
        .isInstanceOfSatisfying(
            RotationException.class,
            e -> {
              assertThat(e.resumable()).isFalse();
              assertThat(e.step()).isEqualTo(Step.START);
            })
        .hasMessageContaining("the sink calls slot key3 current (rotation seed)")
        .hasMessageContaining("none of the target's slots [key1, key2]");
    assertThatThrownBy(() -> rotator.plan(target))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("none of the target's slots [key1, key2]");
    assertThat(world.emulators.armStorage().count("POST", ".*/regenerateKey")).isEqualTo(posts);
    assertThat(journal.all())
        .singleElement()
        .satisfies(r -> assertThat(r.step()).isEqualTo(Step.ABORT));
  }

  private static StorageKeys keys(Target target) {
    String account = target.id().substring("storage:rg/".length());
    return world.emulators.armStorage().account(World.SUB, "rg", account).orElseThrow();
  }
}
