package dev.rekey.testkit;

import dev.rekey.testkit.internal.RandomSecrets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The six emulators as one set, for any test framework: each starts on a free loopback port the
 * first time it is asked for, {@link #reset()} resets the started ones, and {@link #close()} stops
 * them. The JUnit 5 extension {@link dev.rekey.testkit.junit.RekeyEmulators} is built on it.
 *
 * <pre>{@code
 * try (Emulators emulators = new Emulators()) {
 *   AcrEmulator acr = emulators.acr(); // started; point a client at acr.baseUrl()
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Emulators implements AutoCloseable {
  private final List<Emulator> started = new ArrayList<>();
  private @Nullable AcrEmulator acr;
  private @Nullable NetAppEmulator netApp;
  private @Nullable ArmStorageEmulator armStorage;
  private @Nullable ClassicStorageEmulator classicStorage;
  private @Nullable OntapEmulator ontap;
  private @Nullable KeyVaultEmulator keyVault;
  private boolean closed;

  /** Creates an empty set; nothing listens until an emulator is asked for. */
  public Emulators() {}

  /**
   * Returns the ACR emulator, starting it on first use.
   *
   * @throws IllegalStateException if the set is closed
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public synchronized AcrEmulator acr() {
    if (acr == null) {
      acr = started(new AcrEmulator());
    }
    return acr;
  }

  /**
   * Returns the Azure NetApp Files emulator, starting it on first use.
   *
   * @throws IllegalStateException if the set is closed
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public synchronized NetAppEmulator netApp() {
    if (netApp == null) {
      netApp = started(new NetAppEmulator());
    }
    return netApp;
  }

  /**
   * Returns the Azure Resource Manager storage emulator, starting it on first use.
   *
   * @throws IllegalStateException if the set is closed
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public synchronized ArmStorageEmulator armStorage() {
    if (armStorage == null) {
      armStorage = started(new ArmStorageEmulator());
    }
    return armStorage;
  }

  /**
   * Returns the classic (Service Management) storage emulator, starting it on first use.
   *
   * @throws IllegalStateException if the set is closed
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public synchronized ClassicStorageEmulator classicStorage() {
    if (classicStorage == null) {
      classicStorage = started(new ClassicStorageEmulator());
    }
    return classicStorage;
  }

  /**
   * Returns the ONTAP emulator (HTTPS; trust {@link OntapEmulator#certificatePem()}, log in as
   * {@code admin} with {@link OntapEmulator#adminPassword()}, a random password), starting it on
   * first use.
   *
   * @throws IllegalStateException if the set is closed
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public synchronized OntapEmulator ontap() {
    if (ontap == null) {
      ontap = started(new OntapEmulator("Pw1" + RandomSecrets.alphanumeric(20)));
    }
    return ontap;
  }

  /**
   * Returns the Azure Key Vault secrets emulator, starting it on first use.
   *
   * @throws IllegalStateException if the set is closed
   * @throws java.io.UncheckedIOException if no port can be bound
   */
  public synchronized KeyVaultEmulator keyVault() {
    if (keyVault == null) {
      keyVault = started(new KeyVaultEmulator());
    }
    return keyVault;
  }

  /** Resets every started emulator: recorded requests, faults and service state. */
  public synchronized void reset() {
    started.forEach(Emulator::reset);
  }

  /** Stops every started emulator; the set cannot be used afterwards. */
  @Override
  public synchronized void close() {
    closed = true;
    started.forEach(Emulator::close);
    started.clear();
  }

  private <E extends Emulator> E started(E emulator) {
    if (closed) {
      throw new IllegalStateException("the emulators are closed");
    }
    emulator.start();
    started.add(emulator);
    return emulator;
  }
}
