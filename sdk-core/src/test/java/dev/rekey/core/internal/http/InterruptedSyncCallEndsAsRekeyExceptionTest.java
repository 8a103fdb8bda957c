package dev.rekey.core.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.RekeyException;
import dev.rekey.core.test.FakeTime;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * OkHttp, written in Kotlin, can throw {@link InterruptedException} from a sync call without
 * declaring it (while it connects): Rekey turns it into a {@link RekeyException} with the interrupt
 * flag kept, never a checked exception the caller's code cannot name.
 */
@WireMockTest
class InterruptedSyncCallEndsAsRekeyExceptionTest {
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  @Test
  void interruptWhileConnectingEndsAsRekeyExceptionWithTheFlagKept(WireMockRuntimeInfo wm) {
    stubFor(post("/rotate").willReturn(ok()));
    Interceptor interruptedWhileConnecting =
        chain -> {
          sneakyThrow(new InterruptedException("while connecting"));
          return chain.proceed(chain.request());
        };
    OkHttpClient own =
        new OkHttpClient.Builder().addInterceptor(interruptedWhileConnecting).build();
    Throwable thrown;
    boolean flagKept;
    try (HttpPipeline pipeline =
        HttpPipeline.builder(
                ClientOptions.builder().okHttpClient(own).timeSource(new FakeTime()).build())
            .build()) {
      thrown =
          catchThrowable(
              () ->
                  pipeline.send(
                      ApiRequest.post(
                              HttpUrl.get(wm.getHttpBaseUrl() + "/rotate"),
                              "{}".getBytes(StandardCharsets.UTF_8),
                              "application/json")
                          .build()));
      flagKept = Thread.interrupted(); // clears it for the next test
    } finally {
      own.dispatcher().executorService().shutdown();
    }
    assertThat(thrown).isInstanceOf(RekeyException.class);
    assertThat(flagKept).isTrue();
    verify(0, anyRequestedFor(anyUrl()));
  }
}
