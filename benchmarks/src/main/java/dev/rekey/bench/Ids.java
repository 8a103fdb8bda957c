package dev.rekey.bench;

import dev.rekey.core.ClientOptions;
import java.net.URI;

/** The names every call uses, and Rekey's options. */
final class Ids {
  static final String SUB = "00000000-0000-0000-0000-000000000000";
  static final String TENANT = "00000000-0000-0000-0000-000000000001";
  static final String RG = "bench-rg";

  private Ids() {}

  /** Rekey's options: the stub as endpoint, everything else default. */
  static ClientOptions options() {
    return ClientOptions.builder().endpoint(URI.create(Call.stubUrl())).build();
  }
}
