package dev.rekey.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.test.CanarySweep;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The examples' tests run under the canary sweep too, logging through logback (not slf4j-simple).
 */
class CanarySweepCoversExamplesTest {

  @Test
  void sweepWatchesEveryExampleTest() {
    assertThat(CanarySweep.isActive()).isTrue();
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).startsWith("ch.qos.logback");
  }
}
