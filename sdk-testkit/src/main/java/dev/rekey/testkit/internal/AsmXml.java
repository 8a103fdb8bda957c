package dev.rekey.testkit.internal;

import java.util.UUID;
import mockwebserver3.MockResponse;

/**
 * XML as the classic Service Management API writes it: http namespace, {@code xmlns:i}, no
 * declaration.
 */
public final class AsmXml {
  /** The namespace the real service writes (the reference page shows https). */
  public static final String NS = "http://schemas.microsoft.com/windowsazure";

  private static final String ATTRS =
      " xmlns=\"" + NS + "\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"";

  private AsmXml() {}

  /** Returns {@code <name xmlns... >inner</name>}. */
  public static String root(String name, String inner) {
    return "<" + name + ATTRS + ">" + inner + "</" + name + ">";
  }

  /** Returns the classic {@code <Error>} body. */
  public static String error(String code, String message) {
    return root("Error", "<Code>" + code + "</Code><Message>" + escape(message) + "</Message>");
  }

  /** Returns an XML answer carrying a fresh 32-hex-digit {@code x-ms-request-id}. */
  public static MockResponse response(int status, String body, String requestId) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/xml; charset=utf-8")
        .setHeader("x-ms-request-id", requestId)
        .body(body)
        .build();
  }

  /** Returns a request id as the classic API writes it: 32 hex digits, no dashes. */
  public static String newRequestId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Escapes XML text. */
  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
