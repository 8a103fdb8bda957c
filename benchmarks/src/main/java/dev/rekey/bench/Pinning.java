package dev.rekey.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Which processors the stub and the measured JVMs may use. With two or more and {@code taskset}
 * (util-linux) on the path, the stub gets the last processor and every JMH fork the others, so the
 * stub's work never takes a client's processor in the middle of a call and a call's latency does
 * not depend on where the scheduler put the two. Unpinned, ratios on a two-core machine moved by up
 * to 0.3 between runs of the same code. Cold starts stay unpinned: an application's JVM is not
 * pinned. {@code -Dbench.pin=false} turns it off.
 */
final class Pinning {
  private final int processors;
  private final boolean on;

  private Pinning(int processors, boolean on) {
    this.processors = processors;
    this.on = on;
  }

  /** Pins when asked (the default), possible and useful. */
  static Pinning detect() {
    int n = Runtime.getRuntime().availableProcessors();
    boolean wanted = !"false".equals(System.getProperty("bench.pin"));
    return new Pinning(n, wanted && n >= 2 && onPath("taskset"));
  }

  /** Whether the stub and the forks are pinned. */
  boolean on() {
    return on;
  }

  /** Says what was done, for the table's notes. */
  String describe() {
    return on
        ? "pinned: the stub on processor "
            + (processors - 1)
            + ", the one-thread JMH forks on "
            + clientProcessors()
            + " (taskset); eight-thread, burst and cold-start JVMs unpinned"
        : "not pinned (-Dbench.pin=false, one processor, or no taskset)";
  }

  /** The command that starts the stub: {@code java} behind {@code taskset} when pinning. */
  List<String> stubJava() {
    return on
        ? List.of("taskset", "-c", String.valueOf(processors - 1), BenchMain.javaBinary())
        : List.of(BenchMain.javaBinary());
  }

  /**
   * Returns the {@code java} to run pinned JMH forks with: a script in {@code dir} that runs this
   * JVM's {@code java} behind {@code taskset} when pinning, else that {@code java} itself.
   */
  String pinnedJava(Path dir) throws IOException {
    if (!on) {
      return BenchMain.javaBinary();
    }
    Path script = dir.toAbsolutePath().resolve("pinned-java");
    Files.writeString(
        script,
        "#!/bin/sh\nexec taskset -c "
            + clientProcessors()
            + " '"
            + BenchMain.javaBinary()
            + "' \"$@\"\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script.toString();
  }

  private String clientProcessors() {
    return processors == 2 ? "0" : "0-" + (processors - 2);
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
