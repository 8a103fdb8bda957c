package dev.rekey.netapp.archfixture;

import dev.rekey.testkit.NetAppEmulator;

/** Test-only: a service class that uses the testkit, which the runtime rule refuses. */
public final class UsesEmulator {
  private UsesEmulator() {}

  static Object endpoint(NetAppEmulator emulator) {
    return emulator.baseUrl();
  }
}
