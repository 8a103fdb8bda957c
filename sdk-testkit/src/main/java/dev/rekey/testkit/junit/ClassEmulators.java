package dev.rekey.testkit.junit;

import dev.rekey.testkit.Emulators;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The value the extension keeps in a test class's store: the class's {@link Emulators}, stopped
 * when JUnit closes the store at the end of the class.
 *
 * <p>It is both {@link AutoCloseable} and {@link ExtensionContext.Store.CloseableResource}: JUnit
 * 5.13 and later close stored {@code AutoCloseable} values, JUnit 5.12 and older (Spring Boot 3.5
 * manages 5.12) close only {@code CloseableResource} ones. A value that is both is closed once.
 */
// CloseableResource is deprecated since JUnit 5.13 (it closes AutoCloseable values itself), but it
// is the only type JUnit 5.12 and older close; without it every emulator would outlive its class.
@SuppressWarnings("deprecation")
final class ClassEmulators implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final Emulators emulators = new Emulators();

  /** Returns the class's set. */
  Emulators emulators() {
    return emulators;
  }

  /** Stops every emulator of the set that was started. */
  @Override
  public void close() {
    emulators.close();
  }
}
