package dev.rekey.core.auth;

/**
 * Where a client gets bearer tokens. Azure modules adapt an azure-core {@code TokenCredential} to
 * it; ONTAP users can pass their OAuth 2 tokens. Clients cache tokens themselves, so an
 * implementation may fetch a new one on every call.
 */
@FunctionalInterface
public interface TokenSource {
  /**
   * Returns a fresh token.
   *
   * @throws RuntimeException if no token can be had; it reaches the caller as the cause of a {@link
   *     dev.rekey.core.RekeyException}
   */
  AccessToken fetchToken();
}
