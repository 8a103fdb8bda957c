package dev.rekey.testkit.clients;

import dev.rekey.netapp.NetAppClient;
import dev.rekey.testkit.Emulators;
import dev.rekey.testkit.FakeTokenCredential;
import dev.rekey.testkit.clients.internal.EmulatorOptions;
import dev.rekey.testkit.junit.RekeyEmulators;

/**
 * Builds the {@code NetAppClient} a {@link RekeyEmulators} test asks for: pointed at the Azure
 * NetApp Files emulator, a fake bearer token, fast retry and polling (the subscription is part of
 * each request's bucket address; {@link RekeyEmulators#SUBSCRIPTION_ID} keeps tests uniform).
 * Offers nothing when sdk-netapp is not on the class path.
 */
public final class NetAppClients extends ServiceClients {
  /** Creates the provider; the {@link java.util.ServiceLoader} does this. */
  public NetAppClients() {
    super("dev.rekey.netapp.NetAppClient");
  }

  @Override
  AutoCloseable build(String typeName, Emulators emulators) {
    return Build.netApp(emulators);
  }

  /** Touches sdk-netapp's classes only when called, so that the provider loads without them. */
  private static final class Build {
    static AutoCloseable netApp(Emulators emulators) {
      return NetAppClient.builder()
          .credential(FakeTokenCredential.INSTANCE)
          .options(EmulatorOptions.of(emulators.netApp()))
          .build();
    }
  }
}
