package dev.rekey.rotation;

import dev.rekey.core.RekeyException;
import dev.rekey.rotation.internal.JournalCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Journal} in a file of JSON lines, one record a line, each forced to disk ({@code fsync})
 * before {@link #append} returns. The file is locked while open, so a second runner on the same
 * journal (in this process or another) fails at {@link #open} with {@link JournalLockedException}.
 * In this process the refusal comes before any file is opened: closing a second descriptor on the
 * file would drop the holder's POSIX lock. A last line cut short by a crash is ignored. Holds no
 * secret value; it is still created owner-only ({@code rw-------} where the file system has POSIX
 * permissions), as {@link FileSink} does, since it tells which credentials rotate when.
 */
public final class FileJournal implements Journal {
  /** The real paths of the journals this JVM holds open. */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path path;
  private final Path held;
  private final FileChannel channel;
  private final FileLock lock;
  private final List<JournalRecord> records;
  private boolean closed;

  private FileJournal(
      Path path, Path held, FileChannel channel, FileLock lock, List<JournalRecord> records) {
    this.path = path;
    this.held = held;
    this.channel = channel;
    this.lock = lock;
    this.records = records;
  }

  /**
   * Opens (creating if needed) and locks the journal at {@code path}, reading what it holds.
   *
   * @throws JournalLockedException if another runner holds the journal
   * @throws RekeyException if the file cannot be opened or read
   */
  public static FileJournal open(Path path) {
    Objects.requireNonNull(path, "path == null");
    Path held;
    try {
      held = realPath(path);
    } catch (IOException e) {
      throw new RekeyException("cannot open journal " + path, e);
    }
    if (!HELD.add(held)) {
      throw new JournalLockedException(path);
    }
    try {
      return openHeld(path, held);
    } catch (RuntimeException | Error e) {
      HELD.remove(held);
      throw e;
    }
  }

  private static FileJournal openHeld(Path path, Path held) {
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              path,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
              ownerOnly(path));
    } catch (IOException e) {
      throw new RekeyException("cannot open journal " + path, e);
    }
    try {
      FileLock lock = tryLock(channel, path);
      List<JournalRecord> records = new ArrayList<>();
      long end = read(channel, records);
      channel.truncate(end);
      channel.position(end);
      return new FileJournal(path, held, channel, lock, records);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel, e);
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new RekeyException("cannot read journal " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the normalised real path {@code path} names, without opening it: the file's if it
   * exists, else its directory's with the file name.
   */
  private static Path realPath(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    if (Files.exists(absolute)) {
      return absolute.toRealPath();
    }
    Path parent = absolute.getParent();
    return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
  }

  /** Returns the attributes that create {@code path} owner-only where it has POSIX permissions. */
  private static FileAttribute<?>[] ownerOnly(Path path) {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }

  private static FileLock tryLock(FileChannel channel, Path path) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new JournalLockedException(path);
    }
    if (lock == null) {
      throw new JournalLockedException(path);
    }
    return lock;
  }

  /**
   * Reads whole lines into {@code records}; returns the byte offset after the last whole line.
   * Reads through the locked channel itself: opening and closing another descriptor on the file
   * would drop this process's POSIX lock (a {@code fcntl} rule), letting a second runner in.
   */
  private static long read(FileChannel channel, List<JournalRecord> records) throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException("journal is larger than 2 GB; start a new one");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    int read = 0;
    while (buffer.hasRemaining() && read >= 0) {
      read = channel.read(buffer, buffer.position());
    }
    byte[] bytes = buffer.array();
    int start = 0;
    int number = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        int lineNumber = ++number;
        String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
        // only the last line can be torn (it has no line end yet); a whole line that is no record
        // was changed or written by another program, and skipping it could hide a step's intent
        records.add(
            JournalCodec.decode(line)
                .orElseThrow(
                    () ->
                        new IOException(
                            "line "
                                + lineNumber
                                + " is not a journal record; repair it or move the journal"
                                + " aside")));
        start = i + 1;
      }
    }
    return start;
  }

  private static void closeQuietly(FileChannel channel, Exception failure) {
    try {
      channel.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public synchronized void append(JournalRecord record) {
    Objects.requireNonNull(record, "record == null");
    byte[] line = (JournalCodec.encode(record) + "\n").getBytes(StandardCharsets.UTF_8);
    // A FileChannel closes itself when written from an interrupted thread, losing this record, the
    // lock and every later one; the record of a step the interrupt cut short matters most.
    boolean interrupted = Thread.interrupted();
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new RekeyException("cannot write journal " + path, e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    records.add(record);
  }

  @Override
  public synchronized List<JournalRecord> records(String targetId) {
    return records.stream().filter(r -> r.targetId().equals(targetId)).toList();
  }

  /** Returns the journal file's path. */
  public Path path() {
    return path;
  }

  /** Releases the lock and closes the file; a second call does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new RekeyException("cannot close journal " + path, e);
    } finally {
      HELD.remove(held);
    }
  }
}
