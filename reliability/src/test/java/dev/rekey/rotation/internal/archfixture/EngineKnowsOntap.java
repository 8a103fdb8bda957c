package dev.rekey.rotation.internal.archfixture;

import dev.rekey.ontap.OntapClient;

/**
 * Test-only: a rotation engine class that uses a service client, which the service rule refuses.
 */
public final class EngineKnowsOntap {
  private EngineKnowsOntap() {}

  static void close(OntapClient client) {
    client.close();
  }
}
