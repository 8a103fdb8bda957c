package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import dev.rekey.rotation.CrashingJournal.Mode;
import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationResult.Status;
import dev.rekey.rotation.azure.StorageKeyTarget;
import dev.rekey.testkit.StorageKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink that holds nothing although the journal says a rotation published a slot has lost it (the
 * file deleted): applications still use that slot, so it is never regenerated. A new rotation takes
 * it as in use, regenerates the other slot and publishes it, which restores the sink; the dry run
 * shows the same. When the journal cannot tell whether the last publish happened, nothing is
 * regenerated.
 */
class ASinkThatLostItsValueKeepsTheSlotInUseTest {
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
  void aDeletedSinkFileAfterAStorageRotationKeepsThePublishedKeyAndIsRestoredWithTheOther()
      throws IOException {
    FileSink sink = FileSink.of(dir.resolve("storage.json"));
    Case c = Kind.STORAGE.create(world, sink);
    c.seed();
    StorageKeys keys = keys(c.target());
    try (FileJournal journal = FileJournal.open(dir.resolve("rotation.journal"))) {
      Rotator rotator = Rotator.builder().sink(sink).journal(journal).build();
      assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.COMPLETED);
      Secret key2 = keys.key("key2").orElseThrow(); // what applications read before the loss
      Files.delete(sink.file());

      RotationPlan plan = rotator.plan(c.target());
      RotationResult result =
          Rotator.builder()
              .sink(sink)
              .journal(journal)
              .retireAfter(Duration.ofHours(1))
              .build()
              .rotate(c.target());

      assertThat(plan.due()).isTrue();
      assertThat(plan.steps())
          .containsExactly("REGENERATE key1", "VERIFY key1", "PUBLISH key1", "RETIRE key2");
      assertThat(result.status()).isEqualTo(Status.AWAITING_RETIRE);
      assertThat(keys.regenerations("key2")).as("only by the first rotation").isEqualTo(1);
      assertThat(keys.key("key2")).contains(key2);
      assertThat(sink.current(c.target().id()).orElseThrow().slot())
          .isEqualTo(StorageKeyTarget.KEY1);
      assertThat(c.currentWorks()).isTrue();
    }
  }

  @Test
  void anAcrPasswordTheLostSinkPublishedIsNotRegenerated() throws IOException {
    FileSink sink = FileSink.of(dir.resolve("acr.json"));
    Case c = Kind.ACR.create(world, sink);
    c.seed();
    MemoryJournal journal = new MemoryJournal();
    assertThat(Rotator.builder().sink(sink).journal(journal).build().rotate(c.target()).status())
        .isEqualTo(Status.COMPLETED);
    Slot published = sink.current(c.target().id()).orElseThrow().slot();
    Secret inUse = c.state().apply(published).orElseThrow();
    int changes = c.changes().getAsInt();
    Files.delete(sink.file());

    RotationResult result =
        Rotator.builder()
            .sink(sink)
            .journal(journal)
            .retireAfter(Duration.ofHours(1))
            .build()
            .rotate(c.target());

    assertThat(result.status()).isEqualTo(Status.AWAITING_RETIRE);
    assertThat(c.state().apply(published)).contains(inUse);
    assertThat(c.changes().getAsInt()).isEqualTo(changes + 1);
    assertThat(sink.current(c.target().id()).orElseThrow().slot()).isNotEqualTo(published);
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aSinkLostDuringTheGracePeriodStopsTheRetireAndTheNextRotateKeepsThePublishedKey()
      throws IOException {
    FileSink sink = FileSink.of(dir.resolve("grace.json"));
    Case c = Kind.STORAGE.create(world, sink);
    c.seed();
    StorageKeys keys = keys(c.target());
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Rotator rotator =
        Rotator.builder()
            .sink(sink)
            .journal(new MemoryJournal())
            .retireAfter(Duration.ofHours(1))
            .clock(clock)
            .build();
    assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.AWAITING_RETIRE);
    Files.delete(sink.file());
    clock.advance(Duration.ofHours(2));

    assertThatThrownBy(() -> rotator.rotate(c.target()))
        .isInstanceOfSatisfying(
            RotationException.class,
            e -> {
              assertThat(e.resumable()).isFalse();
              assertThat(e.step()).isEqualTo(Step.RETIRE);
            })
        .hasMessageContaining("the sink holds no value: it lost this rotation's value in slot key2")
        .hasMessageContaining("the next rotate takes slot key2 as in use");
    assertThat(keys.regenerations("key1")).as("not retired").isZero();

    assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.AWAITING_RETIRE);
    assertThat(keys.regenerations("key2")).as("only by the first rotation").isEqualTo(1);
    assertThat(keys.regenerations("key1")).isEqualTo(1);
    assertThat(sink.current(c.target().id()).orElseThrow().slot()).isEqualTo(StorageKeyTarget.KEY1);
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aLostSinkAfterAPublishTheJournalDoesNotConfirmStopsBeforeAnyRegeneration()
      throws IOException {
    FileSink sink = FileSink.of(dir.resolve("unconfirmed.json"));
    Case c = Kind.STORAGE.create(world, sink);
    c.seed();
    MemoryJournal journal = new MemoryJournal();
    Rotator crashing =
        Rotator.builder()
            .sink(sink)
            .journal(new CrashingJournal(journal, 7, Mode.BEFORE_WRITE, r -> {}))
            .build();
    assertThatThrownBy(() -> crashing.rotate(c.target()))
        .isInstanceOf(
            CrashingJournal.Crash.class); // PUBLISH key2 happened, its DONE record did not
    Rotator rotator = Rotator.builder().sink(sink).journal(journal).build();
    rotator.abandon(c.target(), "operator gave up");
    Files.delete(sink.file());
    long posts = world.emulators.armStorage().count("POST", ".*/regenerateKey");

    assertThatThrownBy(() -> rotator.plan(c.target()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("either slot may be in use");
    assertThatThrownBy(() -> rotator.rotate(c.target()))
        .isInstanceOfSatisfying(
            RotationException.class,
            e -> {
              assertThat(e.resumable()).isFalse();
              assertThat(e.step()).isEqualTo(Step.START);
            })
        .hasMessageContaining("tried to publish slot key2")
        .hasMessageContaining("either slot may be in use; nothing was regenerated")
        .hasMessageContaining("publish the value applications use into the sink");
    assertThat(world.emulators.armStorage().count("POST", ".*/regenerateKey")).isEqualTo(posts);

    DualSlotTarget target = (DualSlotTarget) c.target();
    sink.publish(
        RotationContext.of("by-hand", target.id()),
        target.read(StorageKeyTarget.KEY2).orElseThrow());
    assertThat(rotator.rotate(target).status()).isEqualTo(Status.COMPLETED);
    assertThat(sink.current(target.id()).orElseThrow().slot()).isEqualTo(StorageKeyTarget.KEY1);
    assertThat(c.currentWorks()).isTrue();
  }

  private static StorageKeys keys(Target target) {
    String account = target.id().substring("storage:rg/".length());
    return world.emulators.armStorage().account(World.SUB, "rg", account).orElseThrow();
  }
}
