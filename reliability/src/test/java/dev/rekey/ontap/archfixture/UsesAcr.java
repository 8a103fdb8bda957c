package dev.rekey.ontap.archfixture;

import dev.rekey.acr.AcrClient;

/** Test-only: an ONTAP class that uses the ACR client, which the service rule refuses. */
public final class UsesAcr {
  private UsesAcr() {}

  static void close(AcrClient client) {
    client.close();
  }
}
