package dev.rekey.testkit;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A bare OkHttp client for emulator tests: sends bearer-authenticated JSON and returns status and body. */
final class RawHttp implements AutoCloseable {
  record Answer(int status, String body) {}

  private final OkHttpClient client = new OkHttpClient.Builder().followRedirects(false).build();

  Answer postJson(HttpUrl url, String json) throws IOException {
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer test-token")
            .post(RequestBody.create(json, MediaType.get("application/json")))
            .build();
    try (Response r = client.newCall(request).execute()) {
      return new Answer(r.code(), r.body().string());
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
