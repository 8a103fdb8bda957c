package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.RekeyException;
import dev.rekey.rotation.JournalRecord.Phase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file journal's lines survive a reopen, a line torn by a crash is dropped and overwritten, and
 * a new journal is readable by its owner only.
 */
class FileJournalTest {
  private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

  @TempDir Path dir;

  @Test
  void recordsSurviveAReopenAndATornLastLineIsDropped() throws Exception {
    Path file = dir.resolve("j.journal");
    JournalRecord start =
        JournalRecord.of("r1", "storage:rg/a", Step.START, Phase.DONE, "key2", AT, "inUse=key1");
    JournalRecord intent =
        JournalRecord.of("r1", "storage:rg/a", Step.REGENERATE, Phase.INTENT, "key2", AT, null);
    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(start);
      journal.append(intent);
    }
    assertThat(Files.readAllLines(file).get(0))
        .isEqualTo(
            "{\"rotation\":\"r1\",\"target\":\"storage:rg/a\","
                + "\"step\":\"START\",\"phase\":\"DONE\",\"slot\":\"key2\",\"at\":\"2026-12-01T02:00:00Z\",\"detail\":\"inUse=key1\"}");
    Files.writeString(
        file,
        "{\"rotation\":\"r1\",\"target\":\"stor",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    JournalRecord done =
        JournalRecord.of("r1", "storage:rg/a", Step.REGENERATE, Phase.DONE, "key2", AT, null);
    try (FileJournal journal = FileJournal.open(file)) {
      assertThat(journal.records("storage:rg/a")).containsExactly(start, intent);
      assertThat(journal.records("other")).isEmpty();
      journal.append(done);
    }
    try (FileJournal journal = FileJournal.open(file)) {
      assertThat(journal.records("storage:rg/a")).containsExactly(start, intent, done);
    }
    assertThat(Files.readAllLines(file)).hasSize(3);
  }

  @Test
  void anInterruptedThreadStillRecordsAndKeepsItsInterrupt() throws Exception {
    // a FileChannel written from an interrupted thread would close itself, lock and all
    Path file = dir.resolve("interrupted.journal");
    JournalRecord failed =
        JournalRecord.of("r1", "ontap:u", Step.CHANGE, Phase.FAILED, null, AT, "RekeyException");
    JournalRecord later =
        JournalRecord.of("r1", "ontap:u", Step.CHANGE, Phase.INTENT, null, AT, null);
    try (FileJournal journal = FileJournal.open(file)) {
      Thread.currentThread().interrupt();
      try {
        journal.append(failed);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      journal.append(later);
      assertThat(journal.records("ontap:u")).containsExactly(failed, later);
    }
    try (FileJournal reopened = FileJournal.open(file)) {
      assertThat(reopened.records("ontap:u")).containsExactly(failed, later);
    }
  }

  @Test
  void aWholeLineThatIsNoRecordStopsTheOpenNamingTheLine() throws Exception {
    // only a last line can be torn; skipping a whole one could hide a step's intent
    Path file = dir.resolve("changed.journal");
    JournalRecord start =
        JournalRecord.of("r1", "storage:rg/a", Step.START, Phase.DONE, "key2", AT, null);
    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(start);
    }
    String good = Files.readAllLines(file).get(0);
    for (String bad :
        new String[] {"not json", good.replace("\"START\"", "\"FUTURE_STEP\""), "{}"}) {
      Files.writeString(file, good + "\n" + bad + "\n" + good + "\n", StandardCharsets.UTF_8);
      assertThatThrownBy(() -> FileJournal.open(file))
          .as(bad)
          .isInstanceOf(RekeyException.class)
          .hasMessageContaining("cannot read journal " + file)
          .hasMessageContaining("line 2 is not a journal record");
    }
    // and the refused open released the file: a repaired journal opens
    Files.writeString(file, good + "\n", StandardCharsets.UTF_8);
    try (FileJournal journal = FileJournal.open(file)) {
      assertThat(journal.records("storage:rg/a")).containsExactly(start);
    }
  }

  @Test
  void aNewJournalIsCreatedOwnerOnly() throws Exception {
    Path file = dir.resolve("new.journal");
    Assumptions.assumeTrue(
        file.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(
          JournalRecord.of("r1", "ontap:u", Step.START, Phase.DONE, "password", AT, null));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
