package dev.rekey.reliability;

import dev.rekey.testkit.Emulator;
import java.util.concurrent.TimeUnit;

/**
 * A program that uses a client the way an application's {@code main} does: one sync and one async
 * rotation, then closes the client and the emulator and returns. {@link ResourcesTest} runs it in a
 * child JVM and checks that the JVM exits at once after "closed".
 */
public final class ExitingMain {
  private ExitingMain() {}

  /** Runs one client, named by {@code args[0]} ({@link Target} name), against its emulator. */
  public static void main(String[] args) throws Exception {
    Target target = Target.valueOf(args[0]);
    try (Emulator emulator = target.newEmulator()) {
      emulator.start();
      try (Target.Session session = target.open(emulator, Target.options(emulator).build())) {
        session.rotate();
        session.rotateAsync().get(10, TimeUnit.SECONDS);
      }
    }
    System.out.println("closed");
    System.out.flush();
  }
}
