package dev.rekey.testkit.clients.internal;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.testkit.Emulator;
import java.time.Duration;

/** Client options for a test against an emulator: its address, and waits that keep tests fast. */
public final class EmulatorOptions {
  /**
   * Retries as by default (4 attempts) but back off at most 10 ms and honour a Retry-After up to 50
   * ms.
   */
  static final RetryPolicy FAST_RETRY =
      RetryPolicy.builder()
          .baseDelay(Duration.ofMillis(1))
          .maxDelay(Duration.ofMillis(10))
          .maxServerDelay(Duration.ofMillis(50))
          .build();

  /** Polls every 5 ms at first, at most every 50 ms, and gives up after 30 s. */
  static final PollingPolicy FAST_POLLING =
      PollingPolicy.builder()
          .initialInterval(Duration.ofMillis(5))
          .maxInterval(Duration.ofMillis(50))
          .timeout(Duration.ofSeconds(30))
          .build();

  private EmulatorOptions() {}

  /** Returns options pointed at {@code emulator} with the fast retry and polling policies. */
  public static ClientOptions of(Emulator emulator) {
    return ClientOptions.builder()
        .endpoint(emulator.baseUrl())
        .retryPolicy(FAST_RETRY)
        .pollingPolicy(FAST_POLLING)
        .build();
  }
}
