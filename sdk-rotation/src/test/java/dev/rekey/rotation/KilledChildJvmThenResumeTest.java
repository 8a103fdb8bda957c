package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.test.CanarySweep;
import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationResult.Status;
import dev.rekey.testkit.StorageKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM rotating a storage key over a file journal is killed (SIGKILL) right
 * after key2's regeneration was journaled; while it lives its journal lock keeps this process out;
 * resume here re-reads key2 from the service instead of regenerating it, publishes and retires
 * key1.
 */
class KilledChildJvmThenResumeTest {
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
  void resumeFinishesTheRotationOfAKilledProcessWithoutRegeneratingAgain() throws Exception {
    Path journalFile = dir.resolve("rotation.journal");
    FileSink sink = FileSink.of(dir.resolve("storage.json"));
    Case c = Kind.STORAGE.create(world, sink);
    c.seed();
    String account = c.target().id().substring("storage:rg/".length());
    StorageKeys keys = world.emulators.armStorage().account(World.SUB, "rg", account).orElseThrow();
    Process child =
        ChildJvm.start(
            RotateInChildMain.class,
            world.emulators.armStorage().baseUrl().toString(),
            account,
            journalFile.toString(),
            sink.file().toString());
    try {
      StringBuilder output = new StringBuilder();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null && !line.equals("REGENERATED")) {
          output.append(line).append('\n');
        }
        assertThat(line).as("child output:%n%s", output).isEqualTo("REGENERATED");
        assertThat(keys.regenerations("key2")).as("child output:%n%s", output).isEqualTo(1);
        assertThatThrownBy(() -> FileJournal.open(journalFile))
            .isInstanceOf(JournalLockedException.class)
            .hasMessageContaining("locked by another rotation runner");
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(c.currentWorks()).as("key1 is still current and works after the kill").isTrue();

    try (FileJournal journal = FileJournal.open(journalFile)) {
      RotationResult result =
          Rotator.builder().journal(journal).sink(sink).build().resume(c.target());
      assertThat(result.status()).isEqualTo(Status.COMPLETED);
    }
    assertThat(keys.regenerations("key2")).as("key2 re-read, not regenerated again").isEqualTo(1);
    assertThat(keys.regenerations("key1")).as("key1 retired once").isEqualTo(1);
    assertThat(sink.current(c.target().id()))
        .hasValueSatisfying(p -> assertThat(p.slot().name()).isEqualTo("key2"));
    assertThat(c.currentWorks()).isTrue();
    String journalText = Files.readString(journalFile);
    assertThat(journalText)
        .contains("\"step\":\"REGENERATE\",\"phase\":\"DONE\"", "\"step\":\"COMPLETE\"");
    assertThat(CanarySweep.carriesCanary(journalText))
        .as("journal carries an emulator-issued secret")
        .isFalse();
    for (var key : keys.all().values()) {
      assertThat(journalText).doesNotContain(key.reveal());
    }
  }
}
