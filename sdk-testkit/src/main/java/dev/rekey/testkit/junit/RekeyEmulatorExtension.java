package dev.rekey.testkit.junit;

import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.NetAppEmulator;
import dev.rekey.testkit.OntapEmulator;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link RekeyEmulators}. Per test class it keeps one {@link Emulators}
 * set: an emulator starts on a free loopback port the first time a test or constructor asks for it, the
 * same instance is injected for every test of the class, the state of the started ones is reset after
 * each test (set up state in the test, a {@code @BeforeEach} method or the constructor), and they are
 * closed when the class finishes. Point a client at an emulator with its {@code baseUrl()}; the ONTAP
 * emulator serves HTTPS, so also trust its {@code certificatePem()}.
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
          OntapEmulator.class, Emulators::ontap);

  /** Creates the extension; JUnit does this for {@link RekeyEmulators}. */
  public RekeyEmulatorExtension() {}

  /** Returns whether the parameter is one of the five emulator types. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return EMULATORS.containsKey(parameter.getParameter().getType());
  }

  /** Returns the class's emulator of the parameter's type, started. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return EMULATORS.get(parameter.getParameter().getType()).apply(emulators(context));
  }

  /** Resets the started emulators of the test's class. */
  @Override
  public void afterEach(ExtensionContext context) {
    emulators(context).reset();
  }

  /** Returns the set of the class {@code context} belongs to; the store closes it with the class. */
  private static Emulators emulators(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Emulators.class, k -> new Emulators(), Emulators.class);
  }
}
