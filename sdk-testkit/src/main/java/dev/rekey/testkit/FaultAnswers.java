package dev.rekey.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/** Rewrites a service answer as a {@link Faults.Fault} asks. */
final class FaultAnswers {
  private FaultAnswers() {}

  /** Returns {@code answer} with the status, content type and body {@code fault} replaces. */
  static MockResponse replace(MockResponse answer, Faults.Fault.Replace fault) {
    MockResponse.Builder b = answer.newBuilder();
    fault.status().ifPresent(b::code);
    fault.contentType().ifPresent(t -> b.setHeader("Content-Type", t));
    if (fault.body().isPresent()) {
      b.body(fault.body().get());
    } else if (fault.contentType().isEmpty()) {
      byte[] body = bytes(answer);
      b.body(new Buffer().write(body, 0, body.length / 2));
    }
    return b.build();
  }

  /**
   * Returns {@code answer} that declares its whole body but closes the connection after half of it.
   */
  static MockResponse cutOffMidBody(MockResponse answer) {
    byte[] body = bytes(answer);
    if (body.length < 2) {
      body = "{\"padding\":\"cut off mid-body\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    return answer
        .newBuilder()
        .body(new Buffer().write(body))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  private static byte[] bytes(MockResponse answer) {
    MockResponseBody body = answer.getBody();
    if (body == null) {
      return new byte[0];
    }
    Buffer buffer = new Buffer();
    try {
      body.writeTo(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }
}
