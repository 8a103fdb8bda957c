package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second open of a journal this JVM holds is refused before it opens the file: closing a second
 * descriptor would drop the holder's POSIX lock and let another process in as a second writer.
 */
class AJournalThisJvmHoldsStaysLockedTest {
  @TempDir Path dir;

  @Test
  void aRefusedSecondOpenInThisJvmLeavesTheJournalLockedForAnotherProcess() throws Exception {
    Path file = dir.resolve("rotation.journal");
    try (FileJournal first = FileJournal.open(file)) {
      assertThatThrownBy(() -> FileJournal.open(file))
          .isInstanceOf(JournalLockedException.class)
          .hasMessageContaining("locked by another rotation runner");
      assertThatThrownBy(() -> FileJournal.open(dir.resolve(".").resolve("rotation.journal")))
          .as("the same file by another name")
          .isInstanceOf(JournalLockedException.class);

      assertThat(openInChildJvm(file))
          .as("another process while this one holds it")
          .isEqualTo("LOCKED");
    }
    assertThat(openInChildJvm(file))
        .as("another process once this one closed it")
        .isEqualTo("OPENED");
    FileJournal.open(file).close();
  }

  /** Returns the last line {@link OpenJournalInChildMain} printed for {@code file}. */
  private static String openInChildJvm(Path file) throws Exception {
    Process child = ChildJvm.start(OpenJournalInChildMain.class, file.toString());
    try {
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child output:%n%s", output).isTrue();
      return output.strip().lines().reduce((a, b) -> b).orElse("");
    } finally {
      child.destroyForcibly();
    }
  }
}
