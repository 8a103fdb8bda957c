package dev.rekey.core.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.rekey.core.Secret;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.LoggerFactory;

/**
 * Proves the sweep catches leaks: runs deliberately leaking tests (nested classes, which Surefire
 * does not run by itself) through the JUnit engine with extension autodetection on, as every module
 * does, and checks each one fails with the sweep's message while the clean ones pass.
 */
class CanarySweepTest {

  @Test
  void failsATestThatLogsACanaryAndPassesOneThatDoesNot() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
        .selectors(selectClass(Leaky.class))
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("logsAFixedCanary"),
                finishedWithFailure(
                    message(m -> m.startsWith("canary sweep: a secret reached the logs")))))
        .haveExactly(
            1,
            event(
                test("logsAnEmulatorSecretInLowerCase"),
                finishedWithFailure(message(m -> m.contains("canary sweep")))))
        .haveExactly(
            1,
            event(
                test("logsANamedCanaryInAThrowable"),
                finishedWithFailure(message(m -> m.contains("canary sweep")))))
        .haveExactly(
            1,
            event(
                test("throwsAnExceptionCarryingACanary"),
                finishedWithFailure(message(m -> m.contains("canary sweep: the test threw")))))
        .haveExactly(1, event(test("logsOnlyAMaskedSecret"), finishedSuccessfully()))
        .haveExactly(1, event(test("aTestServerEchoesACanary"), finishedSuccessfully()));
  }

  @Test
  void failsAClassWhoseSetUpLogsACanary() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
        .selectors(selectClass(LeakyInSetUp.class))
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1, event(test("clean"), finishedWithFailure(message(m -> m.contains("canary sweep")))));
  }

  @Test
  void everyFixedCanaryCarriesTheMarker() {
    assertThat(Canaries.ALL).allMatch(Canaries::hasMarker).doesNotHaveDuplicates();
    assertThat(Canaries.STORAGE_KEY).hasSize(88);
  }

  /** A class whose {@code @BeforeAll} leaks; its first test carries the failure. */
  static class LeakyInSetUp {
    @org.junit.jupiter.api.BeforeAll
    static void setUp() {
      LoggerFactory.getLogger("dev.rekey.leaky")
          .info("configured with {}", Canaries.ANF_SECRET_KEY);
    }

    @Test
    void clean() {}
  }

  /** Deliberately leaking tests; run only through {@link EngineTestKit} above. */
  static class Leaky {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("dev.rekey.leaky");

    @Test
    void logsAFixedCanary() {
      LOG.debug("rotated, new key {}", Canaries.STORAGE_KEY);
    }

    @Test
    void logsAnEmulatorSecretInLowerCase() {
      LOG.trace("access key rkycanaryabc123");
    }

    @Test
    void logsANamedCanaryInAThrowable() {
      Canary canary = Canary.named("leaky");
      LOG.info("call failed", new IllegalStateException("password was " + canary.value()));
    }

    @Test
    void throwsAnExceptionCarryingACanary() {
      throw new IllegalArgumentException("bad token " + Canaries.BEARER_TOKEN);
    }

    @Test
    void logsOnlyAMaskedSecret() {
      LOG.debug("new key {}", Secret.of(Canaries.STORAGE_KEY));
    }

    @Test
    void aTestServerEchoesACanary() {
      LoggerFactory.getLogger("wiremock.org.eclipse.jetty.server")
          .info("body {}", Canaries.ACR_PASSWORD);
    }
  }
}
