package dev.rekey.testkit;

import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A bare OkHttp client for emulator tests: sends a request and returns status, headers and body.
 */
final class RawHttp implements AutoCloseable {
  record Answer(int status, String body, okhttp3.Headers headers) {}

  private final OkHttpClient client;

  RawHttp() {
    this(new OkHttpClient.Builder().followRedirects(false).build());
  }

  RawHttp(OkHttpClient client) {
    this.client = client;
  }

  Answer postJson(HttpUrl url, String json) throws IOException {
    return send(
        "POST", url, Map.of("Authorization", "Bearer test-token"), json, "application/json");
  }

  Answer send(
      String method, HttpUrl url, Map<String, String> headers, String body, String contentType)
      throws IOException {
    Request.Builder b = new Request.Builder().url(url);
    headers.forEach(b::header);
    MediaType type = contentType == null ? null : MediaType.get(contentType);
    b.method(method, body == null ? null : RequestBody.create(body, type));
    try (Response r = client.newCall(b.build()).execute()) {
      return new Answer(r.code(), r.body().string(), r.headers());
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
