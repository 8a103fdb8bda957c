package dev.rekey.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: Rekey works whatever {@code jackson-annotations} an application resolves, because it
 * loads no jackson-databind (nor annotation) class. Runs {@link FirstCallsMain} (every client's
 * sync, async and error-body calls against the testkit emulators) in a child JVM whose class path
 * is this module's test class path with jackson-databind removed and jackson-annotations 2.18
 * (copied by the build, Spring Boot 3.4's and azure-identity's line) in place of Rekey's, logging
 * every class load.
 */
class NoDatabindAtRunTimeTest {
  private static final Path OLD_ANNOTATIONS =
      Path.of("target", "old-jackson", "jackson-annotations.jar");

  @Test
  void everyClientWorksWithoutDatabindAndWithOldAnnotationsLoadingNeither(@TempDir Path dir)
      throws Exception {
    assertThat(OLD_ANNOTATIONS).as("copied by maven-dependency-plugin").exists();
    List<String> classPath = new ArrayList<>();
    classPath.add(OLD_ANNOTATIONS.toAbsolutePath().toString());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String path = entry.replace('\\', '/');
      if (!path.contains("/tools/jackson/core/jackson-databind/")
          && !path.contains("/jackson-annotations/")) {
        classPath.add(entry);
      }
    }
    Path classLog = dir.resolve("classes.log");
    Path output = dir.resolve("output.txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog,
                "-cp",
                String.join(File.pathSeparator, classPath),
                FirstCallsMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    child.destroyForcibly();
    String out = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(exited).as("child exited; output:%n%s", out).isTrue();
    assertThat(child.exitValue()).as("exit status; output:%n%s", out).isZero();
    assertThat(out.lines())
        .as("every client's calls succeeded")
        .containsSubsequence(Arrays.stream(Target.values()).map(t -> t + " ok").toList());

    List<String> loaded = loadedClasses(classLog);
    assertThat(loaded).as("classes loaded").anyMatch(c -> c.startsWith("tools.jackson.core.json."));
    assertThat(loaded)
        .as("XML read with Jackson XML")
        .anyMatch(c -> c.startsWith("tools.jackson.dataformat.xml."));
    assertThat(loaded)
        .as("no databind or annotation class may load")
        .noneMatch(
            c ->
                c.startsWith("tools.jackson.databind.")
                    || c.startsWith("com.fasterxml.jackson.annotation."));
  }

  /** Returns the class names of a {@code -Xlog:class+load} file ("[...] name source: ..."). */
  private static List<String> loadedClasses(Path log) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      int end = line.indexOf(" source:");
      int start = line.lastIndexOf(' ', end - 1);
      if (end > 0 && start >= 0) {
        names.add(line.substring(start + 1, end));
      }
    }
    return names;
  }
}
