package dev.rekey.core.internal.http;

import java.io.IOException;

/** What one attempt produced: a response, or an I/O failure and whether the request had started. */
sealed interface AttemptOutcome {
  /**
   * OkHttp's internal type, named because OkHttp's module does not export its internal packages.
   */
  String CONNECTION_SHUTDOWN = "okhttp3.internal.http2.ConnectionShutdownException";

  /** The server answered (any status). */
  record Answered(ApiResponse response) implements AttemptOutcome {}

  /**
   * The exchange failed; {@code requestStarted} says whether request bytes may have been processed.
   * Built through {@link #failed} or {@link #afterRequest}, which strip server bytes from the
   * error.
   */
  record Failed(IOException error, boolean requestStarted) implements AttemptOutcome {}

  /**
   * Returns the failure of the attempt {@code tag} describes. Two failures after OkHttp began the
   * request still prove nothing was processed: request bytes written before a TLS 1.3 server's
   * alert refusing the client certificate, on a handshake run in this attempt (see {@link
   * TlsFailure}); and an HTTP/2 connection already shut down when the stream was to be opened, so
   * no byte of this request went out (OkHttp's own rule for its {@code
   * ConnectionShutdownException}).
   */
  static Failed failed(IOException error, CallTag tag) {
    boolean refusedHandshake = tag.handshakeStarted() && TlsFailure.serverRefusedCertificate(error);
    boolean noStream = error.getClass().getName().equals(CONNECTION_SHUTDOWN);
    return new Failed(
        ServerBytes.omitted(error), tag.requestStarted() && !refusedHandshake && !noStream);
  }

  /** Returns the failure of reading an answer whose request had gone out. */
  static Failed afterRequest(IOException error) {
    return new Failed(ServerBytes.omitted(error), true);
  }
}
