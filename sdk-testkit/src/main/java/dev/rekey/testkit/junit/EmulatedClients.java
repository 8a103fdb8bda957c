package dev.rekey.testkit.junit;

import dev.rekey.testkit.Emulators;
import java.util.Set;

/**
 * A service provider that builds Rekey clients pointed at the emulators, so that {@link
 * RekeyEmulators} can inject a client ({@code AcrClient}, {@code OntapClient}, …) as a test
 * parameter. The extension finds implementations with {@link java.util.ServiceLoader} ({@code
 * META-INF/services}); {@code dev.rekey:sdk-testkit-clients} provides one per service module.
 * sdk-testkit itself cannot build clients: the service modules test with it, so it must not depend
 * on them.
 *
 * <p>A client built for a test talks to the emulator of its service with the subscription id {@link
 * RekeyEmulators#SUBSCRIPTION_ID} (Azure), a fixed fake bearer token or the ONTAP emulator's {@code
 * admin} login and certificate, and retry and polling waits short enough for tests. The extension
 * closes it after the test, before it resets the emulators.
 *
 * <p>Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface EmulatedClients {

  /**
   * Returns the client classes this provider builds; empty when their classes are not on the class
   * path (the provider then stays silent instead of failing).
   */
  Set<Class<?>> clientTypes();

  /**
   * Returns a new client of {@code type}, one of {@link #clientTypes()}, pointed at the matching
   * emulator of {@code emulators} (started on first use).
   *
   * @throws IllegalArgumentException if {@code type} is not one of {@link #clientTypes()}
   * @throws dev.rekey.core.ValidationException if the client cannot be configured
   */
  AutoCloseable create(Class<?> type, Emulators emulators);
}
