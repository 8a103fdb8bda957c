package dev.rekey.core.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.RekeyException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * JSON bodies built to exhaust a parser: nesting far past any real document, a number of millions
 * of digits, a string past {@code ClientOptions.maxResponseBytes}, and an error message of
 * megabytes. {@link #assertRefused} checks a call that met one failed the way users are promised.
 */
public enum HostileJson {
  /** 100,000 nested arrays. */
  DEEP_ARRAYS(() -> "[".repeat(100_000)),
  /** 50,000 nested objects, closed. */
  DEEP_OBJECTS(() -> "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)),
  /** A number of two million digits. */
  HUGE_NUMBER(() -> "{\"value\":" + "9".repeat(2_000_000) + "}"),
  /** A 5 MB string: more than the default 4 MiB {@code maxResponseBytes}. */
  OVERSIZED_STRING(() -> "{\"value\":\"" + "a".repeat(5_000_000) + "\"}"),
  /** A well-formed ARM/ONTAP-shaped error whose message is 3 MB (under the size limit). */
  HUGE_ERROR_MESSAGE(
      () -> "{\"error\":{\"code\":\"Conflict\",\"message\":\"" + "m".repeat(3_000_000) + "\"}}");

  private final Supplier<String> body;

  HostileJson(Supplier<String> body) {
    this.body = body;
  }

  /** Returns the body. */
  public String body() {
    return body.get();
  }

  /**
   * Runs {@code call} and asserts it threw a {@link RekeyException} (a typed one, never a raw
   * parser error) within five seconds, with a message of at most 4,096 characters; returns it.
   */
  public static RekeyException assertRefused(Callable<?> call) {
    long start = System.nanoTime();
    Throwable thrown;
    try {
      call.call();
      thrown = null;
    } catch (Throwable t) {
      thrown = t;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(thrown).as("a hostile body must fail the call").isInstanceOf(RekeyException.class);
    assertThat(took).as("time to refuse").isLessThan(Duration.ofSeconds(5));
    assertThat(thrown.getMessage()).as("message length").hasSizeLessThanOrEqualTo(4096);
    return (RekeyException) thrown;
  }
}
