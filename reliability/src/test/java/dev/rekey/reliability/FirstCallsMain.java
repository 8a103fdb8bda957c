package dev.rekey.reliability;

import dev.rekey.core.ServiceException;
import dev.rekey.testkit.Emulator;
import java.util.concurrent.TimeUnit;

/**
 * A program that makes every client's first calls the way an application would: one sync and one
 * async rotation (through each service's polling), then one call on a resource that is gone, whose
 * error body must be read. {@link NoDatabindAtRunTimeTest} runs it in a child JVM without
 * jackson-databind and with an old jackson-annotations; it prints "TARGET ok" per client.
 */
public final class FirstCallsMain {
  private FirstCallsMain() {}

  /** Runs every {@link Target}; exits non-zero on the first failure. */
  public static void main(String[] args) throws Exception {
    for (Target target : Target.values()) {
      try (Emulator emulator = target.newEmulator()) {
        emulator.start();
        try (Target.Session session = target.open(emulator, Target.options(emulator).build())) {
          session.rotate();
          session.rotateAsync().get(10, TimeUnit.SECONDS);
          emulator.reset();
          try {
            session.rotate();
            throw new AssertionError(target + ": rotating a removed resource succeeded");
          } catch (ServiceException e) {
            if (e.errorCode().isEmpty()) {
              throw new AssertionError(
                  target + ": the error body was not read: " + e.getMessage(), e);
            }
          }
        }
      }
      System.out.println(target + " ok");
    }
    System.out.flush();
  }
}
