package dev.rekey.testkit.junit;

import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.Emulators;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test provider (registered in META-INF/services) that records what it built and when it closed.
 */
public final class RecordingClients implements EmulatedClients {
  static final String SUB = RekeyEmulators.SUBSCRIPTION_ID;
  static final List<RecordingClient> BUILT = new CopyOnWriteArrayList<>();

  /** Called by the ServiceLoader. */
  public RecordingClients() {}

  @Override
  public Set<Class<?>> clientTypes() {
    return Set.of(RecordingClient.class);
  }

  @Override
  public AutoCloseable create(Class<?> type, Emulators emulators) {
    AcrEmulator acr = emulators.acr();
    acr.addToken(SUB, "rg", "registry", "made-by-provider");
    RecordingClient client = new RecordingClient(acr);
    BUILT.add(client);
    return client;
  }

  /** A stand-in client: it remembers whether the emulator state was still there when it closed. */
  public static final class RecordingClient implements AutoCloseable {
    final AcrEmulator acr;
    volatile boolean closed;
    volatile boolean stateStillThereAtClose;

    RecordingClient(AcrEmulator acr) {
      this.acr = acr;
    }

    @Override
    public void close() {
      closed = true;
      stateStillThereAtClose = acr.token(SUB, "rg", "registry", "made-by-provider").isPresent();
    }
  }
}
