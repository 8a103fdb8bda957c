package dev.rekey.rotation;

import dev.rekey.core.RekeyException;
import dev.rekey.rotation.internal.SinkFileCodec;
import dev.rekey.rotation.internal.SinkFileCodec.Content;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Sink} that is one file holding one target's credential, for applications that read a
 * secret file (a mounted volume, a service's config directory). Every change writes a temporary
 * file in the same directory with owner-only permissions ({@code rw-------} where the file system
 * has POSIX permissions), forces it to disk, and renames it over the old file atomically, then
 * forces the directory: a reader sees the old file or the new one, never half of one.
 *
 * <p>Format (UTF-8 JSON): {@code {"target":"…","current":{"rotation":"…","slot":"key2",
 * "expiry":"…","parts":{"value":"…"}},"pending":{…}}} — {@code parts.value} is the key or password;
 * a NetApp key pair has {@code parts.accessKey} and {@code parts.secretKey}; {@code expiry} and
 * {@code pending} appear only when present.
 */
public final class FileSink implements Sink {
  private final Path file;

  private FileSink(Path file) {
    this.file = file;
  }

  /**
   * Returns the sink writing {@code file}; its directory must exist.
   *
   * @throws NullPointerException if {@code file} is null
   */
  public static FileSink of(Path file) {
    return new FileSink(Objects.requireNonNull(file, "file == null").toAbsolutePath());
  }

  /** Returns the file's path. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void publish(RotationContext context, Credential credential) {
    write(
        SinkFileCodec.withCurrent(
            read(context.targetId()),
            context.targetId(),
            Published.of(context.rotationId(), credential)));
  }

  @Override
  public synchronized void stage(RotationContext context, Credential credential) {
    Optional<Content> old = read(context.targetId());
    write(
        new Content(
            context.targetId(),
            old.map(Content::current).orElse(null),
            Published.of(context.rotationId(), credential)));
  }

  @Override
  public synchronized void promote(RotationContext context) {
    Optional<Content> old = read(context.targetId());
    Optional<Published> pending =
        old.map(Content::pending).filter(p -> p.rotationId().equals(context.rotationId()));
    if (pending.isEmpty()) {
      boolean current =
          old.map(Content::current)
              .filter(p -> p.rotationId().equals(context.rotationId()))
              .isPresent();
      if (current) {
        return;
      }
      throw new IllegalStateException(
          "nothing staged in " + file + " by rotation " + context.rotationId());
    }
    write(new Content(context.targetId(), pending.get(), null));
  }

  @Override
  public synchronized Optional<Published> current(String targetId) {
    return read(targetId).map(Content::current);
  }

  @Override
  public synchronized Optional<Published> pending(String targetId) {
    return read(targetId).map(Content::pending);
  }

  private Optional<Content> read(String targetId) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new RekeyException("cannot read sink file " + file, e);
    }
    Content content = SinkFileCodec.decode(text);
    if (!content.targetId().equals(targetId)) {
      throw new IllegalStateException(
          "sink file "
              + file
              + " holds target "
              + content.targetId()
              + ", not "
              + targetId
              + "; use one file per target");
    }
    return Optional.of(content);
  }

  private void write(Content content) {
    Path dir = file.getParent();
    Path temp = null;
    try {
      temp =
          FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  dir,
                  "." + file.getFileName(),
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes =
            ByteBuffer.wrap(SinkFileCodec.encode(content).getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(true);
      }
      move(temp);
      forceDirectory(dir);
    } catch (IOException e) {
      deleteQuietly(temp, e);
      throw new RekeyException(
          "cannot write sink file " + file + "; its previous content is intact", e);
    }
  }

  private void move(Path temp) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + file + " cannot rename atomically", e);
    }
  }

  /** Makes the rename durable; a platform that cannot open a directory (Windows) skips this. */
  private static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Not supported on this platform: the rename is still atomic, only its durability is the
      // OS's.
    }
  }

  private static void deleteQuietly(Path temp, IOException failure) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public String toString() {
    return "FileSink{" + file + "}";
  }
}
