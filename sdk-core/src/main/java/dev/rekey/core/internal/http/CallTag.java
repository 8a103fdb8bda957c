package dev.rekey.core.internal.http;

/**
 * Per-attempt facts that ride on an OkHttp request as its tag: whether bodies may be logged, which
 * attempt this is, and whether any request byte has been written yet.
 */
final class CallTag {
  final boolean carriesSecrets;
  final int attempt;
  private volatile boolean requestStarted;
  private volatile boolean handshakeStarted;

  CallTag(boolean carriesSecrets, int attempt) {
    this.carriesSecrets = carriesSecrets;
    this.attempt = attempt;
  }

  void markRequestStarted() {
    requestStarted = true;
  }

  void markHandshakeStarted() {
    handshakeStarted = true;
  }

  /** Returns whether a TLS handshake began in this attempt (a new connection, not a pooled one). */
  boolean handshakeStarted() {
    return handshakeStarted;
  }

  /** Returns whether the request may have reached the server: its headers began to be written. */
  boolean requestStarted() {
    return requestStarted;
  }
}
