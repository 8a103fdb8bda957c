package dev.rekey.core.internal.http;

import java.io.IOException;

/** What one attempt produced: a response, or an I/O failure and whether the request had started. */
sealed interface Outcome {
  /** The server answered (any status). */
  record Answered(ApiResponse response) implements Outcome {}

  /** The exchange failed; {@code requestStarted} says whether request bytes had begun to go out. */
  record Failed(IOException error, boolean requestStarted) implements Outcome {}
}
