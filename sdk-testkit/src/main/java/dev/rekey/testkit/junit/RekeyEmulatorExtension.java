package dev.rekey.testkit.junit;

import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.KeyVaultEmulator;
import dev.rekey.testkit.NetAppEmulator;
import dev.rekey.testkit.OntapEmulator;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link RekeyEmulators}. Per test class it keeps one {@link
 * Emulators} set: an emulator starts on a free loopback port the first time a test or constructor
 * asks for it, the same instance is injected for every test of the class, the state of the started
 * ones is reset after each test (set up state in the test, a {@code @BeforeEach} method or the
 * constructor), and they are closed when the class finishes.
 *
 * <p>A parameter of a Rekey client type ({@code AcrClient}, {@code NetAppClient}, {@code
 * StorageAccountKeysClient}, {@code ClassicStorageKeysClient}, {@code OntapClient}) receives a new
 * client pointed at its emulator, built by an {@link EmulatedClients} provider found with {@link
 * java.util.ServiceLoader} (add {@code dev.rekey:sdk-testkit-clients}); the extension closes it
 * after the test, before it resets the emulators. Clients given to a constructor belong to the test
 * the instance is created for; with a per-class test instance they are closed with the class.
 */
public final class RekeyEmulatorExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RekeyEmulatorExtension.class);
  private static final Map<Class<?>, Function<Emulators, Object>> EMULATORS =
      Map.of(
          AcrEmulator.class, Emulators::acr,
          NetAppEmulator.class, Emulators::netApp,
          ArmStorageEmulator.class, Emulators::armStorage,
          ClassicStorageEmulator.class, Emulators::classicStorage,
          OntapEmulator.class, Emulators::ontap,
          KeyVaultEmulator.class, Emulators::keyVault);

  private volatile @Nullable ClientProviders providers;

  /** Creates the extension; JUnit does this for {@link RekeyEmulators}. */
  public RekeyEmulatorExtension() {}

  /**
   * Asks JUnit for the test's own context when a constructor is resolved, so that the clients a
   * constructor receives are closed after that test rather than with the class.
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  /**
   * Returns whether the parameter is one of the six emulator types, a client type an {@link
   * EmulatedClients} provider builds, or a Rekey client type (to report the missing provider).
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return EMULATORS.containsKey(type)
        || providers().providerOf(type) != null
        || ClientProviders.looksLikeRekeyClient(type);
  }

  /**
   * Returns the class's emulator of the parameter's type, started, or a new client pointed at it.
   *
   * @throws ParameterResolutionException if no provider builds the client type asked for (the
   *     message names the artifact to add) or the provider fails
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Function<Emulators, Object> emulator = EMULATORS.get(type);
    if (emulator != null) {
      return emulator.apply(emulators(context));
    }
    EmulatedClients provider = providers().providerOf(type);
    if (provider == null) {
      throw new ParameterResolutionException(ClientProviders.missing(type));
    }
    AutoCloseable client;
    try {
      client = provider.create(type, emulators(context));
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(
          provider.getClass().getName()
              + " could not build a "
              + type.getName()
              + ": "
              + e.getMessage(),
          e);
    }
    return type.cast(built(context).add(client));
  }

  /**
   * Closes the clients built for the test, then resets the started emulators of the test's class.
   *
   * @throws Exception if a client fails to close (the emulators are reset anyway)
   */
  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    BuiltClients clients =
        context.getStore(NAMESPACE).remove(BuiltClients.class, BuiltClients.class);
    try {
      if (clients != null) {
        clients.close();
      }
    } finally {
      emulators(context).reset();
    }
  }

  private ClientProviders providers() {
    ClientProviders found = providers;
    if (found == null) {
      found = ClientProviders.load();
      providers = found;
    }
    return found;
  }

  /** Returns the clients built in {@code context}; its store closes them when the context ends. */
  private static BuiltClients built(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(BuiltClients.class, k -> new BuiltClients(), BuiltClients.class);
  }

  /**
   * Returns the set of the class {@code context} belongs to; the store closes it with the class (a
   * {@link ClassEmulators}, so that JUnit 5.12 and older close it too).
   */
  private static Emulators emulators(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(ClassEmulators.class, k -> new ClassEmulators(), ClassEmulators.class)
        .emulators();
  }
}
