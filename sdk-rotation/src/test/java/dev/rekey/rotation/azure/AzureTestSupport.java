package dev.rekey.rotation.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import reactor.core.publisher.Mono;

/**
 * What the Azure rotation tests share: a recording fake credential, short timeouts, raw emulator
 * calls.
 */
final class AzureTestSupport {
  static final String SUB = RekeyEmulators.SUBSCRIPTION_ID;

  private AzureTestSupport() {}

  /** A credential handing out a fixed fake token and remembering the scopes asked for. */
  static final class RecordingCredential implements TokenCredential {
    final List<String> scopes = new CopyOnWriteArrayList<>();

    @Override
    public Mono<AccessToken> getToken(com.azure.core.credential.TokenRequestContext request) {
      scopes.addAll(request.getScopes());
      return Mono.just(new AccessToken("fake-vault-token", OffsetDateTime.now().plusHours(1)));
    }
  }

  /** Options pointing nowhere in particular, with short timeouts and quick retries. */
  static ClientOptions options() {
    return ClientOptions.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5))
        .retryPolicy(
            RetryPolicy.builder()
                .maxAttempts(3)
                .baseDelay(Duration.ofMillis(1))
                .maxDelay(Duration.ofMillis(5))
                .build())
        .build();
  }

  /** Writes a Key Vault secret version by hand, as another tool would (no Rekey tags). */
  static void put(HttpUrl url, String json) {
    OkHttpClient client = new OkHttpClient();
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer t")
            .put(RequestBody.create(json, MediaType.get("application/json")))
            .build();
    try (Response r = client.newCall(request).execute()) {
      if (r.code() != 200) {
        throw new IllegalStateException("PUT answered " + r.code());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /**
   * Sends a bearer-authenticated POST to an emulator, as the service's own clients would, and
   * returns the status.
   */
  static int post(HttpUrl url, String contentType, String body, String... headers) {
    OkHttpClient client = new OkHttpClient();
    Request.Builder b =
        new Request.Builder()
            .url(url)
            .header("Authorization", "Bearer t")
            .post(RequestBody.create(body, MediaType.get(contentType)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try (Response r = client.newCall(b.build()).execute()) {
      return r.code();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }
}
