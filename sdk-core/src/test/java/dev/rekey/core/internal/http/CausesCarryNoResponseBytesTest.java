package dev.rekey.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.RekeyException;
import dev.rekey.core.TransportException;
import dev.rekey.core.test.RecordingProxy;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * OkHttp's own exceptions quote bytes a server sent (an oversized header line in hex, a malformed
 * status line as text); neither the message nor any cause of what Rekey throws may carry them. The
 * server is a raw socket that answers every request with one fixed response.
 */
class CausesCarryNoResponseBytesTest {
  private static final String MARKER = "RESPONSEBYTES-";

  @Test
  void oversizedHeaderLineLeavesNoTraceOfItsBytesInTheCauseChain() {
    String line = "X-Huge: " + (MARKER + "0123456789abcdef").repeat(20_000);
    try (RecordingProxy server =
        RecordingProxy.answering("HTTP/1.1 200 OK\r\n" + line + "\r\nContent-Length: 0\r\n\r\n")) {
      TransportException e =
          catchThrowableOfType(
              TransportException.class,
              () -> FastCalls.get(FastCalls.options().build(), url(server)));
      assertNoPartOf(line, e);
    }
  }

  @Test
  void malformedStatusLineOfARotationLeavesNoTraceInTheCauseChain() {
    String status = "HTTP/1.1 2x0 " + MARKER + "secret-looking-status";
    try (RecordingProxy server =
        RecordingProxy.answering(status + "\r\nContent-Length: 0\r\n\r\n")) {
      OutcomeUnknownException e;
      try (HttpPipeline p = HttpPipeline.builder(FastCalls.options().build()).build()) {
        e =
            catchThrowableOfType(
                OutcomeUnknownException.class,
                () ->
                    p.send(
                        ApiRequest.post(
                                url(server),
                                "{}".getBytes(StandardCharsets.UTF_8),
                                "application/json")
                            .build()));
      }
      assertNoPartOf(status, e);
    }
  }

  private static HttpUrl url(RecordingProxy server) {
    return HttpUrl.get("http://127.0.0.1:" + server.port() + "/r");
  }

  /** Asserts no message in {@code e}'s chain holds the marker, as text or as hex of its bytes. */
  private static void assertNoPartOf(String sent, RekeyException e) {
    assertThat(e).as("the call failed").isNotNull();
    String hex = HexFormat.of().formatHex(MARKER.getBytes(StandardCharsets.US_ASCII));
    String hexOfStart =
        HexFormat.of().formatHex(sent.substring(0, 8).getBytes(StandardCharsets.US_ASCII));
    int depth = 0;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      assertThat(message)
          .as("message of %s", t.getClass().getName())
          .doesNotContain(MARKER)
          .doesNotContainIgnoringCase(hex)
          .doesNotContainIgnoringCase(hexOfStart);
      depth++;
    }
    assertThat(depth).as("the cause is kept, only scrubbed").isGreaterThan(1);
  }
}
