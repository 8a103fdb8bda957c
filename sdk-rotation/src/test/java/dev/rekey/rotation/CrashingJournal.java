package dev.rekey.rotation;

import java.util.List;
import java.util.function.Consumer;

/**
 * Wraps a journal: calls a check at every step boundary (after each record is written) and
 * simulates a crash at the n-th append, either before the record is written (the step's side effect
 * happened, its record did not) or after it.
 */
final class CrashingJournal implements Journal {
  /** Thrown to simulate the process dying: an {@link Error}, so no engine code catches it. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash(int at) {
      super("simulated crash at journal append " + at);
    }
  }

  enum Mode {
    BEFORE_WRITE,
    AFTER_WRITE
  }

  private final Journal delegate;
  private final int crashAt;
  private final Mode mode;
  private final Consumer<JournalRecord> atBoundary;
  private int appends;

  CrashingJournal(Journal delegate, int crashAt, Mode mode, Consumer<JournalRecord> atBoundary) {
    this.delegate = delegate;
    this.crashAt = crashAt;
    this.mode = mode;
    this.atBoundary = atBoundary;
  }

  int appends() {
    return appends;
  }

  @Override
  public void append(JournalRecord record) {
    appends++;
    if (appends == crashAt && mode == Mode.BEFORE_WRITE) {
      throw new Crash(appends);
    }
    delegate.append(record);
    atBoundary.accept(record);
    if (appends == crashAt && mode == Mode.AFTER_WRITE) {
      throw new Crash(appends);
    }
  }

  @Override
  public List<JournalRecord> records(String targetId) {
    return delegate.records(targetId);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
