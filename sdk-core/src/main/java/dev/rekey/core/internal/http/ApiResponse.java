package dev.rekey.core.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A response read in full (up to the configured cap) and already closed, so callers never leak a
 * connection.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers
 * @param body the body bytes, possibly empty
 * @param contentType the declared content type, if any
 * @param url the URL that answered (after redirects)
 * @param attempts how many times the pipeline sent the request this answers (1 unless it retried)
 */
public record ApiResponse(
    int statusCode,
    Headers headers,
    byte[] body,
    @Nullable String contentType,
    HttpUrl url,
    int attempts) {

  /** Creates the answer to a request sent once. */
  public ApiResponse(
      int statusCode, Headers headers, byte[] body, @Nullable String contentType, HttpUrl url) {
    this(statusCode, headers, body, contentType, url, 1);
  }

  /** Returns whether the status is 2xx. */
  public boolean isSuccessful() {
    return statusCode >= 200 && statusCode < 300;
  }

  /** Returns the named header's last value, if present. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /**
   * Returns the service's request id: {@code x-ms-request-id}, else {@code x-request-id}, else
   * {@code x-ms-correlation-request-id} (ARM's front door answers some errors with that one only).
   */
  public @Nullable String requestId() {
    String id = headers.get("x-ms-request-id");
    if (id == null) {
      id = headers.get("x-request-id");
    }
    return id != null ? id : headers.get("x-ms-correlation-request-id");
  }

  /** Returns the body as UTF-8 text, a leading byte-order mark removed. */
  public String bodyText() {
    String s = new String(body, StandardCharsets.UTF_8);
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  @Override
  public String toString() {
    return "ApiResponse[" + statusCode + ", " + body.length + " bytes]";
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
