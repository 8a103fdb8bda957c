package dev.rekey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** The floor: a raw OkHttp POST of the ACR body with a bearer header, reading the answer as a string. */
public final class FloorCall implements Call {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String BODY = "{\"tokenId\":\"/subscriptions/" + Ids.SUB + "/resourceGroups/" + Ids.RG
      + "/providers/Microsoft.ContainerRegistry/registries/benchreg/tokens/benchtoken\",\"name\":\"password1\"}";

  private final OkHttpClient http = new OkHttpClient();
  private final String url = Call.stubUrl() + "/floor/generateCredentials?api-version=2023-01-01-preview";

  private Request request() {
    return new Request.Builder().url(url).header("Authorization", "Bearer bench-token")
        .post(RequestBody.create(BODY, JSON)).build();
  }

  @Override
  public Object call() {
    try (Response response = http.newCall(request()).execute()) {
      return check(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CompletableFuture<?> callAsync() {
    CompletableFuture<String> done = new CompletableFuture<>();
    http.newCall(request()).enqueue(new Callback() {
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
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
