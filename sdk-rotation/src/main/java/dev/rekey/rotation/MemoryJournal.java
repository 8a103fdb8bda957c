package dev.rekey.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@link Journal} in memory: for tests and for runs whose crash needs no resume. Thread-safe. */
public final class MemoryJournal implements Journal {
  private final List<JournalRecord> records = new ArrayList<>();

  /** Creates an empty journal. */
  public MemoryJournal() {}

  @Override
  public synchronized void append(JournalRecord record) {
    records.add(Objects.requireNonNull(record, "record == null"));
  }

  @Override
  public synchronized List<JournalRecord> records(String targetId) {
    return records.stream().filter(r -> r.targetId().equals(targetId)).toList();
  }

  /** Returns every record, oldest first. */
  public synchronized List<JournalRecord> all() {
    return List.copyOf(records);
  }

  /** Does nothing: there is nothing to release. */
  @Override
  public void close() {}
}
