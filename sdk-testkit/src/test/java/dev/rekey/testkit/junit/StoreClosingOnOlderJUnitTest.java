package dev.rekey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.junit.RecordingClients.RecordingClient;
import java.io.IOException;
import java.net.ConnectException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The emulators and class-level clients the extension keeps in JUnit's store are closed with the
 * class on every JUnit the README supports. JUnit 5.12 and older (Spring Boot 3.5) close only
 * {@code CloseableResource} store values; JUnit 5.13+ behaves the same with {@code
 * junit.jupiter.extensions.store.close.autocloseable.enabled=false}, which is how this test runs
 * the old behaviour on the JUnit the build uses.
 */
class StoreClosingOnOlderJUnitTest {
  private static final String CLOSE_AUTOCLOSEABLE =
      "junit.jupiter.extensions.store.close.autocloseable.enabled";

  @ParameterizedTest(name = "closing AutoCloseable store values: {0}")
  @ValueSource(strings = {"false", "true"})
  void theClassEmulatorsServerAndItsClassClientsAreClosedAfterTheClass(String closeAutoCloseable)
      throws IOException {
    PerClassFixture.emulator = null;
    PerClassFixture.client = null;

    EngineTestKit.engine("junit-jupiter")
        .configurationParameter(CLOSE_AUTOCLOSEABLE, closeAutoCloseable)
        .selectors(selectClass(PerClassFixture.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));

    AcrEmulator emulator = PerClassFixture.emulator;
    assertThat(emulator).isNotNull();
    OkHttpClient http = new OkHttpClient();
    try {
      Request get =
          new Request.Builder().url(emulator.baseUrl().resolve("/v2/").toString()).build();
      assertThatThrownBy(
              () -> {
                try (Response ignored = http.newCall(get).execute()) {
                  // reaching here means the server still listens
                }
              })
          .as("the emulator's server still listens after its class finished")
          .isInstanceOf(ConnectException.class);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    assertThat(PerClassFixture.client).isNotNull();
    assertThat(PerClassFixture.client.closed)
        .as("the client given to the per-class constructor is closed with the class")
        .isTrue();
  }

  /** Run only through the engine above (surefire skips nested classes). */
  @RekeyEmulators
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassFixture {
    static volatile AcrEmulator emulator;
    static volatile RecordingClient client;

    PerClassFixture(RecordingClient client, AcrEmulator acr) {
      PerClassFixture.client = client;
      PerClassFixture.emulator = acr;
    }

    @Test
    void answersWhileTheClassRuns(AcrEmulator acr) throws IOException {
      OkHttpClient http = new OkHttpClient();
      try (Response r =
          http.newCall(new Request.Builder().url(acr.baseUrl().resolve("/v2/").toString()).build())
              .execute()) {
        assertThat(r.code()).isPositive();
      } finally {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
      assertThat(client.closed).isFalse();
    }
  }
}
