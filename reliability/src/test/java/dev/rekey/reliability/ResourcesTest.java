package dev.rekey.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.testkit.Emulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After {@code close()} no Rekey thread remains (OkHttp's shared TaskRunner keeps only idle daemon
 * threads, for up to 60 s), and a main that used a client exits at once.
 */
class ResourcesTest {

  @ParameterizedTest
  @EnumSource(
      value = Target.class,
      names = {"ACR", "ONTAP"})
  void closeEndsEveryClientThread(Target target) throws Exception {
    try (Emulator emulator = target.newEmulator()) {
      emulator.start();
      try (Target.Session session = target.open(emulator, Target.options(emulator).build())) {
        session.rotate();
        session.rotateAsync().get(10, TimeUnit.SECONDS);
        assertThat(SharedClientTest.clientThreads()).isPositive();
      }
      List<Thread> left = List.of();
      for (int i = 0; i < 50; i++) {
        left = threads("rekey-http-");
        if (left.isEmpty()) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(left).as("Rekey threads still alive 5 s after close()").isEmpty();
      // Known limit (see FAULT-MATRIX.md): OkHttp's process-wide TaskRunner keeps its idle threads
      // for
      // 60 s and offers no public way to stop them; they must at least never hold the JVM open.
      assertThat(threads("OkHttp"))
          .as("OkHttp threads left after close()")
          .allMatch(Thread::isDaemon);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Target.class,
      names = {"ACR", "ONTAP"})
  void aMainThatUsedAClientExitsAtOnce(Target target) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ExitingMain.class.getName(),
                target.name())
            .redirectErrorStream(true)
            .start();
    try {
      StringBuilder output = new StringBuilder();
      long closedAt = 0;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          output.append(line).append('\n');
          if (line.equals("closed")) {
            closedAt = System.nanoTime();
          }
        }
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS))
          .as("child exited; output:%n%s", output)
          .isTrue();
      assertThat(closedAt).as("child finished its calls; output:%n%s", output).isPositive();
      long exitMillis = (System.nanoTime() - closedAt) / 1_000_000;
      assertThat(exitMillis).as("ms from close() to JVM exit").isLessThan(2000);
      assertThat(child.exitValue()).isZero();
    } finally {
      child.destroyForcibly();
    }
  }

  /** Live threads whose name starts with {@code prefix}. */
  private static List<Thread> threads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
        .toList();
  }
}
