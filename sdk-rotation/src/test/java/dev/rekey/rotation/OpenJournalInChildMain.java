package dev.rekey.rotation;

import java.nio.file.Path;

/**
 * The child JVM of {@link AJournalThisJvmHoldsStaysLockedTest}: opens the journal named by its one
 * argument and prints {@code OPENED}, or {@code LOCKED} if another runner holds it.
 */
public final class OpenJournalInChildMain {
  private OpenJournalInChildMain() {}

  public static void main(String[] args) {
    try (FileJournal journal = FileJournal.open(Path.of(args[0]))) {
      System.out.println("OPENED");
    } catch (JournalLockedException e) {
      System.out.println("LOCKED");
    }
  }
}
