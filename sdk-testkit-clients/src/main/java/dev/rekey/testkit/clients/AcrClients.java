package dev.rekey.testkit.clients;

import dev.rekey.acr.AcrClient;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.FakeTokenCredential;
import dev.rekey.testkit.clients.internal.EmulatorOptions;
import dev.rekey.testkit.junit.RekeyEmulators;

/**
 * Builds the {@code AcrClient} a {@link RekeyEmulators} test asks for: pointed at the ACR emulator,
 * subscription {@link RekeyEmulators#SUBSCRIPTION_ID}, a fake bearer token, fast retry and polling.
 * Offers nothing when sdk-acr is not on the class path.
 */
public final class AcrClients extends ServiceClients {
  /** Creates the provider; the {@link java.util.ServiceLoader} does this. */
  public AcrClients() {
    super("dev.rekey.acr.AcrClient");
  }

  @Override
  AutoCloseable build(String typeName, Emulators emulators) {
    return Build.acr(emulators);
  }

  /** Touches sdk-acr's classes only when called, so that the provider loads without them. */
  private static final class Build {
    static AutoCloseable acr(Emulators emulators) {
      return AcrClient.builder()
          .subscriptionId(RekeyEmulators.SUBSCRIPTION_ID)
          .credential(FakeTokenCredential.INSTANCE)
          .options(EmulatorOptions.of(emulators.acr()))
          .build();
    }
  }
}
