package dev.rekey.testkit.junit;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * The {@link EmulatedClients} providers on the class path, by the client type each builds. A
 * provider that cannot be loaded or asked (its service module is missing) is skipped; the first
 * provider of a type wins.
 */
final class ClientProviders {
  /** The artifact that provides {@link EmulatedClients} for the Rekey clients. */
  static final String ARTIFACT = "dev.rekey:sdk-testkit-clients";

  private final Map<Class<?>, EmulatedClients> byType;

  private ClientProviders(Map<Class<?>, EmulatedClients> byType) {
    this.byType = Collections.unmodifiableMap(byType);
  }

  /** Finds the providers visible to the thread's context class loader. */
  static ClientProviders load() {
    Map<Class<?>, EmulatedClients> byType = new HashMap<>();
    Iterator<EmulatedClients> it = ServiceLoader.load(EmulatedClients.class).iterator();
    while (true) {
      EmulatedClients provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
        provider.clientTypes().forEach(type -> byType.putIfAbsent(type, provider));
      } catch (ServiceConfigurationError | LinkageError e) {
        // A provider whose service module is absent: its clients cannot be asked for anyway.
      }
    }
    return new ClientProviders(byType);
  }

  /** Returns the provider of {@code type}, or null. */
  @Nullable EmulatedClients providerOf(Class<?> type) {
    return byType.get(type);
  }

  /**
   * Returns whether {@code type} looks like a Rekey client ({@code dev.rekey.….SomethingClient},
   * {@code AutoCloseable}), which the extension claims even without a provider, to say what is
   * missing.
   */
  static boolean looksLikeRekeyClient(Class<?> type) {
    return type.getName().startsWith("dev.rekey.")
        && type.getSimpleName().endsWith("Client")
        && AutoCloseable.class.isAssignableFrom(type);
  }

  /** Returns the message for a client parameter of {@code type} that no provider builds. */
  static String missing(Class<?> type) {
    return "@RekeyEmulators cannot inject a "
        + type.getName()
        + ": no "
        + EmulatedClients.class.getSimpleName()
        + " provider for it is on the test class path. Add "
        + ARTIFACT
        + " (test scope, version from dev.rekey:sdk-bom) next to the module of "
        + type.getSimpleName()
        + ", or declare the emulator (e.g. AcrEmulator) and build the client yourself.";
  }
}
