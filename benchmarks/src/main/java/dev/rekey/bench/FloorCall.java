package dev.rekey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The floor: a raw OkHttp POST of the ACR body with a bearer header, reading the answer as a
 * string, on plain HTTP/1.1. Its client is what a careful user writes: the same OkHttp as Rekey,
 * with the dispatcher limits and connection pool Rekey's default options give (64 calls in flight,
 * 32 per host, 32 idle connections kept 5 minutes), not OkHttp's default pool of 5 that reconnects
 * under load.
 */
public class FloorCall implements Call {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String BODY =
      "{\"tokenId\":\"/subscriptions/"
          + Ids.SUB
          + "/resourceGroups/"
          + Ids.RG
          + "/providers/Microsoft.ContainerRegistry/registries/benchreg/tokens/benchtoken\",\"name\":\"password1\"}";

  /** As in {@code ClientOptions.DEFAULT_MAX_REQUESTS_PER_HOST} and {@code OkHttpFactory}. */
  private static final int PER_HOST = 32;

  private final OkHttpClient http;
  private final String url;

  /** The plain HTTP floor. */
  public FloorCall() {
    this(Call.stubUrl());
  }

  FloorCall(String base) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(64, PER_HOST));
    dispatcher.setMaxRequestsPerHost(PER_HOST);
    http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(PER_HOST, 5, TimeUnit.MINUTES))
            .build();
    url = base + "/floor/generateCredentials?api-version=2023-01-01-preview";
  }

  private Request request() {
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer bench-token")
        .post(RequestBody.create(BODY, JSON))
        .build();
  }

  @Override
  public final Object call() {
    try (Response response = http.newCall(request()).execute()) {
      return check(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public final CompletableFuture<?> callAsync() {
    CompletableFuture<String> done = new CompletableFuture<>();
    http.newCall(request())
        .enqueue(
            new Callback() {
              @Override
              public void onResponse(okhttp3.Call call, Response response) {
                try (response) {
                  done.complete(check(response));
                } catch (IOException | RuntimeException e) {
                  done.completeExceptionally(e);
                }
              }

              @Override
              public void onFailure(okhttp3.Call call, IOException e) {
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  private static String check(Response response) throws IOException {
    String body = response.body().string();
    if (response.code() != 200) {
      throw new IOException("HTTP " + response.code() + ": " + body);
    }
    return body;
  }

  @Override
  public final void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
