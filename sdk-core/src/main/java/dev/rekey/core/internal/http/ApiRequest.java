package dev.rekey.core.internal.http;

import java.util.Arrays;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * One logical call a service module asks the pipeline to make: what to send, whether it may be sent
 * twice, and whether its bodies carry credentials (then they are never logged).
 */
public final class ApiRequest {
  private static final Headers NO_HEADERS = Headers.of();
  private final String method;
  private final HttpUrl url;
  private final Headers headers;
  private final byte @Nullable [] body;
  private final @Nullable String contentType;
  private final Repeatability repeatability;
  private final boolean carriesSecrets;
  private final String operationName;

  private ApiRequest(Builder b) {
    this.method = Objects.requireNonNull(b.method, "method == null");
    this.url = Objects.requireNonNull(b.url, "url == null");
    this.headers = b.headers == null ? NO_HEADERS : b.headers.build();
    this.body = b.body;
    this.contentType = b.contentType;
    this.repeatability = b.repeatability;
    this.carriesSecrets = b.carriesSecrets;
    this.operationName =
        b.operationName == null ? method + " " + url.encodedPath() : b.operationName;
  }

  /** Returns a builder for a GET of {@code url}: repeatable, treated as carrying secrets. */
  public static Builder get(HttpUrl url) {
    return new Builder("GET", url).repeatability(Repeatability.REPEATABLE);
  }

  /**
   * Returns a builder for a POST of {@code url}: not repeatable unless said otherwise. The request
   * keeps {@code body} itself, not a copy: never change the array afterwards.
   */
  public static Builder post(HttpUrl url, byte[] body, String contentType) {
    Builder b = new Builder("POST", url);
    b.body = Objects.requireNonNull(body, "body == null");
    b.contentType = contentType;
    return b;
  }

  /**
   * Returns a builder for a PUT of {@code url}: not repeatable unless said otherwise. The request
   * keeps {@code body} itself, not a copy: never change the array afterwards.
   */
  public static Builder put(HttpUrl url, byte[] body, String contentType) {
    Builder b = new Builder("PUT", url);
    b.body = Objects.requireNonNull(body, "body == null");
    b.contentType = contentType;
    return b;
  }

  /** Returns the HTTP method. */
  public String method() {
    return method;
  }

  /** Returns the absolute URL, query included. */
  public HttpUrl url() {
    return url;
  }

  /** Returns the headers the module set; the pipeline adds user agent, ids and auth. */
  public Headers headers() {
    return headers;
  }

  /** Returns a copy of the body, or null for a request without one. */
  public byte @Nullable [] body() {
    return body == null ? null : body.clone();
  }

  byte @Nullable [] bodyUnsafe() {
    return body;
  }

  /** Returns the body's content type, if there is a body. */
  public @Nullable String contentType() {
    return contentType;
  }

  /** Returns whether the call may be re-sent after it may have reached the server. */
  public Repeatability repeatability() {
    return repeatability;
  }

  /** Returns whether the bodies may hold credentials (then they are never logged). */
  public boolean carriesSecrets() {
    return carriesSecrets;
  }

  /** Returns a short name for messages and logs, e.g. {@code ACR generateCredentials}. */
  public String operationName() {
    return operationName;
  }

  /** Returns a builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder(method, url);
    b.headers = headers.size() == 0 ? null : headers.newBuilder();
    b.body = body;
    b.contentType = contentType;
    b.repeatability = repeatability;
    b.carriesSecrets = carriesSecrets;
    b.operationName = operationName;
    return b;
  }

  @Override
  public String toString() {
    return operationName
        + " ("
        + method
        + " "
        + Redaction.url(url)
        + ", body "
        + (body == null ? 0 : body.length)
        + " bytes)";
  }

  /** Whether a call may be sent again after it may have reached the server. */
  public enum Repeatability {
    /** Reads and other calls that do the same thing however often they are sent. */
    REPEATABLE,
    /**
     * A call that changes a credential: sent again only when the server provably did not process it
     * (connect failure, 429, 503 with Retry-After).
     */
    NOT_REPEATABLE
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final String method;
    private HttpUrl url;
    private Headers.@Nullable Builder headers; // made by the first header: most calls set none
    private byte @Nullable [] body;
    private @Nullable String contentType;
    private Repeatability repeatability = Repeatability.NOT_REPEATABLE;
    private boolean carriesSecrets = true;
    private @Nullable String operationName;

    private Builder(String method, HttpUrl url) {
      this.method = method;
      this.url = url;
    }

    /** Replaces the URL. */
    public Builder url(HttpUrl url) {
      this.url = url;
      return this;
    }

    /** Sets a header, replacing any of the same name. */
    public Builder header(String name, String value) {
      if (headers == null) {
        headers = new Headers.Builder();
      }
      headers.set(name, value);
      return this;
    }

    /** Says whether the call may be re-sent after it may have reached the server. */
    public Builder repeatability(Repeatability repeatability) {
      this.repeatability = repeatability;
      return this;
    }

    /** Marks the call's bodies as free of credentials, so the BODY log level may show them. */
    public Builder carriesNoSecrets() {
      this.carriesSecrets = false;
      return this;
    }

    /** Names the call in messages and logs, e.g. {@code ACR generateCredentials}. */
    public Builder operationName(String operationName) {
      this.operationName = operationName;
      return this;
    }

    /** Returns the request. */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiRequest r
        && method.equals(r.method)
        && url.equals(r.url)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, url);
  }
}
