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
 * The floor: the call of one Rekey client ({@link FloorWire}) as a raw OkHttp POST of the same body
 * with the same authorization and required headers, reading the answer as a string. Like a user's
 * code (and issue 18's own measurement), it makes the URL from its text and the body from its text
 * on every call, as a call for another registry or key would need. This one is ACR's {@code
 * generateCredentials} on plain HTTP/1.1; subclasses name the other calls and HTTPS. Its client is
 * what a careful user writes: the same OkHttp as Rekey, with the dispatcher limits and connection
 * pool Rekey's default options give (64 calls in flight, 32 per host, 32 idle connections kept 5
 * minutes), not OkHttp's default pool of 5 that reconnects under load.
 */
public class FloorCall implements Call {
  /** As in {@code ClientOptions.DEFAULT_MAX_REQUESTS_PER_HOST} and {@code OkHttpFactory}. */
  private static final int PER_HOST = 32;

  private final OkHttpClient http;
  private final FloorWire wire;
  private final String url;
  private final MediaType contentType;
  private final String authorization;

  /** The floor of Rekey's ACR client, on plain HTTP. */
  public FloorCall() {
    this(Call.stubUrl(), FloorWire.ACR);
  }

  FloorCall(String base, FloorWire wire) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(Math.max(64, PER_HOST));
    dispatcher.setMaxRequestsPerHost(PER_HOST);
    http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(PER_HOST, 5, TimeUnit.MINUTES))
            .build();
    this.wire = wire;
    url = base + wire.pathAndQuery;
    // With its charset, so OkHttp need not parse a new media type for every String body.
    contentType = MediaType.get(wire.contentType + "; charset=utf-8");
    authorization = wire.authorization();
  }

  private Request request() {
    Request.Builder b =
        new Request.Builder()
            .url(url)
            .header("Authorization", authorization)
            .post(RequestBody.create(wire.body, contentType));
    if (wire.headerName != null) {
      b.header(wire.headerName, wire.headerValue);
    }
    return b.build();
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

  private String check(Response response) throws IOException {
    String body = response.body().string();
    if (response.code() != wire.status) {
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
