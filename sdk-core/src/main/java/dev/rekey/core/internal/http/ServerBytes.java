package dev.rekey.core.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import org.jspecify.annotations.Nullable;

/**
 * Removes what OkHttp and Okio quote from a server's bytes out of an I/O failure before it becomes
 * an exception's cause: Okio's "{@code \n not found: limit=… content=<hex>}" (an oversized header
 * line), OkHttp's "{@code Unexpected status line: <line>}" and "{@code … but was <bytes>}" (chunk
 * sizes, HTTP/2 prefaces). The failure keeps its type, message up to the quote, and stack.
 */
final class ServerBytes {
  private static final String[] QUOTES = {" content=", "Unexpected status line", " but was"};
  private static final String OMITTED = " (bytes the server sent are omitted)";

  private ServerBytes() {}

  /**
   * Returns {@code error} itself when no message in its chain quotes the server, else a cleaned
   * copy.
   */
  static IOException omitted(IOException error) {
    if (error instanceof TokenUnavailableException) {
      return error; // nothing was sent, so no server quoted; its type tells the caller why
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (quoteAt(t.getMessage()) >= 0) {
        return (IOException) copy(error);
      }
    }
    return error;
  }

  private static Throwable copy(Throwable t) {
    String message = clean(t.getMessage());
    Throwable copy =
        t instanceof EOFException
            ? new EOFException(message)
            : t instanceof ProtocolException
                ? new ProtocolException(message)
                : t instanceof IOException
                    ? new IOException(t.getClass().getSimpleName() + ": " + message)
                    : new RuntimeException(t.getClass().getSimpleName() + ": " + message);
    if (t.getCause() != null) {
      copy.initCause(copy(t.getCause()));
    }
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  private static @Nullable String clean(@Nullable String message) {
    int at = quoteAt(message);
    return at < 0 ? message : message.substring(0, at).stripTrailing() + OMITTED;
  }

  private static int quoteAt(@Nullable String message) {
    if (message == null) {
      return -1;
    }
    int first = -1;
    for (String quote : QUOTES) {
      int i = message.indexOf(quote);
      if (i >= 0 && (first < 0 || i < first)) {
        first = i + (quote.startsWith(" ") ? 0 : quote.length());
      }
    }
    return first;
  }
}
