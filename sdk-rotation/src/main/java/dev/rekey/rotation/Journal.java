package dev.rekey.rotation;

import java.util.List;

/**
 * The write-ahead log of rotations: every step is appended as intent before its side effect and as
 * done after, so {@code Rotator.resume} can tell what happened before a crash. Never holds a
 * secret. Built-ins: {@link FileJournal} (JSON lines, fsync per record, one writer at a time) and
 * {@link MemoryJournal}.
 */
public interface Journal extends AutoCloseable {
  /**
   * Appends {@code record} durably: when this returns, a crash does not lose it.
   *
   * @throws dev.rekey.core.RekeyException if it could not be written
   */
  void append(JournalRecord record);

  /** Returns every record of {@code targetId}, oldest first. */
  List<JournalRecord> records(String targetId);

  /** Releases the journal (for a file journal: its lock). */
  @Override
  void close();
}
