package dev.rekey.testkit.junit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The clients the extension built in one extension context (a test, or a class for class-level
 * parameters); closing closes them, newest first. The context's store also closes it when the
 * context ends: it is both {@link AutoCloseable} (closed by JUnit 5.13 and later) and {@link
 * ExtensionContext.Store.CloseableResource} (the only type JUnit 5.12 and older close); JUnit
 * closes a value that is both once.
 */
// CloseableResource is deprecated since JUnit 5.13 (it closes AutoCloseable values itself), but it
// is the only type JUnit 5.12 and older close; without it every injected client would leak there.
@SuppressWarnings("deprecation")
final class BuiltClients implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final List<AutoCloseable> clients = new ArrayList<>();

  /** Records {@code client} for closing and returns it. */
  synchronized AutoCloseable add(AutoCloseable client) {
    clients.add(client);
    return client;
  }

  /**
   * Closes every recorded client, newest first, and forgets them; the first failure is thrown after
   * all were tried, later ones added to it as suppressed.
   *
   * @throws Exception the first client's failure to close
   */
  @Override
  public synchronized void close() throws Exception {
    Exception failure = null;
    for (int i = clients.size() - 1; i >= 0; i--) {
      try {
        clients.get(i).close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    clients.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
