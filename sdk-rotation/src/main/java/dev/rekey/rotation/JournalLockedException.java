package dev.rekey.rotation;

import dev.rekey.core.RekeyException;
import java.nio.file.Path;

/**
 * Another runner holds the journal file: two rotations of the same credentials at once could
 * regenerate a slot the other one just published, so the second runner refuses to start.
 */
public final class JournalLockedException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final String path;

  /** Creates the exception for the journal at {@code path}. */
  public JournalLockedException(Path path) {
    super(
        "journal "
            + path
            + " is locked by another rotation runner (this or another process);"
            + " wait for it to finish, or make sure it is dead, then run again: the lock is released"
            + " when that process exits");
    this.path = path.toString();
  }

  /** Returns the journal file's path. */
  public String path() {
    return path;
  }
}
