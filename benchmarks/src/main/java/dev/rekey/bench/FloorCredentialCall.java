package dev.rekey.bench;

import com.azure.core.credential.TokenCredential;

/**
 * The plain-HTTP floor after making the same kind of azure-core {@code TokenCredential} every Rekey
 * Azure run gets: a reference for cold start only. Loading azure-core's first class makes the JVM
 * verify its signed jar, and {@code AccessToken}'s expiry loads the time-zone rules, costs any
 * application pays that signs in to Azure with azure-core, whatever it calls next.
 */
public final class FloorCredentialCall extends FloorCall {
  @SuppressWarnings("unused") // held for the call's life, as an application holds its credential
  private final TokenCredential credential;

  /** The floor, with a credential made first. */
  public FloorCredentialCall() {
    credential = BenchCredential.create();
  }
}
