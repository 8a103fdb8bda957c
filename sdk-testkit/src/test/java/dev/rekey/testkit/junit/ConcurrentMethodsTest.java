package dev.rekey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rekey.testkit.AcrEmulator;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.support.hierarchical.Node;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * With JUnit's parallel execution on and {@code concurrent} as the default mode, the methods of a
 * {@link RekeyEmulators} class still run one at a time: they share the class's emulators, and the
 * reset after one test must not wipe the state of another that is still running.
 */
class ConcurrentMethodsTest {
  private static final String SUB = RekeyEmulators.SUBSCRIPTION_ID;
  private static final String TOKENS =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg/providers/Microsoft.ContainerRegistry"
          + "/registries/registry/tokens/";

  @Test
  void aTestsEmulatorStateSurvivesTheOtherTestsOfItsClassUnderConcurrentDefaultMode() {
    TwoTestsOfOneClass.firstAddedItsToken = new CountDownLatch(1);
    TwoTestsOfOneClass.secondWasReset = new CountDownLatch(1);

    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
            .selectors(selectClass(TwoTestsOfOneClass.class))
            .execute()
            .testEvents();

    // Whether JUnit happens to overlap the two is up to its scheduler; the mode it gave them is
    // not.
    assertThat(tests.started().map(e -> ((Node<?>) e.getTestDescriptor()).getExecutionMode()))
        .containsExactly(Node.ExecutionMode.SAME_THREAD, Node.ExecutionMode.SAME_THREAD);
    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  /** Counts {@code secondWasReset} down after the extension reset the emulators for "second". */
  static final class SignalsAfterTheReset implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
      if (context.getRequiredTestMethod().getName().equals("second")) {
        TwoTestsOfOneClass.secondWasReset.countDown();
      }
    }
  }

  /**
   * Run only through the engine above. "first" waits (at most 2 s) for "second" to have ended and
   * been reset; run concurrently, that reset would wipe first's token before first reads it back.
   * Registered before the Rekey extension, {@link SignalsAfterTheReset} runs its afterEach after
   * it.
   */
  @ExtendWith(SignalsAfterTheReset.class)
  @RekeyEmulators
  static class TwoTestsOfOneClass {
    static volatile CountDownLatch firstAddedItsToken;
    static volatile CountDownLatch secondWasReset;

    @Test
    void first(AcrEmulator acr) throws IOException, InterruptedException {
      acr.addToken(SUB, "rg", "registry", "first");
      firstAddedItsToken.countDown();
      secondWasReset.await(2, TimeUnit.SECONDS);
      assertThat(getToken(acr, "first")).as("first's token, read back over HTTP").isEqualTo(200);
    }

    @Test
    void second(AcrEmulator acr) throws IOException, InterruptedException {
      acr.addToken(SUB, "rg", "registry", "second");
      firstAddedItsToken.await(2, TimeUnit.SECONDS);
      assertThat(getToken(acr, "second")).as("second's token, read back over HTTP").isEqualTo(200);
    }

    private static int getToken(AcrEmulator acr, String token) throws IOException {
      OkHttpClient http = new OkHttpClient();
      Request get =
          new Request.Builder()
              .url(acr.baseUrl().resolve(TOKENS + token + "?api-version=2025-04-01").toString())
              .header("Authorization", "Bearer test-token")
              .build();
      try (Response r = http.newCall(get).execute()) {
        return r.code();
      } finally {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
    }
  }
}
