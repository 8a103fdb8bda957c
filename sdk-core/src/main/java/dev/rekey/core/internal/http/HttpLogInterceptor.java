package dev.rekey.core.internal.http;

import dev.rekey.core.HttpLogLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each exchange on the wire to the {@code dev.rekey.http} logger at DEBUG. Secret headers
 * are redacted, query values masked, and bodies of calls that carry credentials are never written.
 */
final class HttpLogInterceptor implements Interceptor {
  /**
   * The logger, in a holder: a client that logs nothing (level NONE) never starts SLF4J, a
   * cold-start cost.
   */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger("dev.rekey.http");
  }

  private static final long MAX_LOGGED_BODY = 4096;

  private final HttpLogLevel level;

  HttpLogInterceptor(HttpLogLevel level) {
    this.level = level;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogLevel.NONE || !Log.LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    CallTag tag = CallTag.of(chain.call());
    boolean bodiesAllowed = level == HttpLogLevel.BODY && tag != null && !tag.carriesSecrets;
    StringBuilder out =
        new StringBuilder("--> ")
            .append(request.method())
            .append(' ')
            .append(Redaction.url(request.url()));
    if (tag != null) {
      out.append(" (attempt ").append(tag.attempt).append(')');
    }
    appendHeaders(out, request.headers());
    if (request.body() != null) {
      out.append("\n  ");
      if (bodiesAllowed) {
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        out.append(
            buffer.readString(Math.min(buffer.size(), MAX_LOGGED_BODY), StandardCharsets.UTF_8));
      } else {
        out.append("(body not logged: ").append(request.body().contentLength()).append(" bytes)");
      }
    }
    Log.LOG.debug(out.toString());

    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      Log.LOG.debug(
          "<-- FAILED {} {}: {}",
          request.method(),
          Redaction.url(request.url()),
          e.getClass().getSimpleName());
      throw e;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    StringBuilder in =
        new StringBuilder("<-- ")
            .append(response.code())
            .append(' ')
            .append(Redaction.url(response.request().url()))
            .append(" (")
            .append(ms)
            .append(" ms)");
    appendHeaders(in, response.headers());
    if (response.body() != null) {
      MediaType type = response.body().contentType();
      in.append("\n  ");
      if (bodiesAllowed && isText(type)) {
        in.append(peekText(response));
      } else {
        in.append("(body not logged)");
      }
    }
    Log.LOG.debug(in.toString());
    return response;
  }

  /**
   * Returns up to {@link #MAX_LOGGED_BODY} characters of the body without consuming it. This is a
   * network interceptor, so it sees the body as sent: gzip (which OkHttp asks for on its own) is
   * decoded here, and any other encoding is not logged rather than written as binary noise.
   */
  private static String peekText(Response response) {
    String encoding = response.header("Content-Encoding");
    boolean gzip = "gzip".equalsIgnoreCase(encoding);
    if (encoding != null && !gzip && !"identity".equalsIgnoreCase(encoding)) {
      return "(" + encoding + "-encoded body not logged)";
    }
    BufferedSource peek = response.body().source().peek();
    Source source = gzip ? new GzipSource(peek) : peek;
    Buffer text = new Buffer();
    try {
      while (text.size() < MAX_LOGGED_BODY
          && source.read(text, MAX_LOGGED_BODY - text.size()) != -1) {
        // keep reading up to the limit
      }
      return text.readString(Math.min(text.size(), MAX_LOGGED_BODY), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(body not readable: " + e.getClass().getSimpleName() + ")";
    }
  }

  private void appendHeaders(StringBuilder out, Headers headers) {
    if (level == HttpLogLevel.BASIC) {
      return;
    }
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      out.append("\n  ")
          .append(name)
          .append(": ")
          .append(Redaction.headerValue(name, headers.value(i)));
    }
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.subtype();
    return "text".equals(type.type()) || subtype.contains("json") || subtype.contains("xml");
  }
}
