package dev.rekey.core.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads how long a service asks the client to wait: {@code retry-after-ms}, {@code
 * x-ms-retry-after-ms} (milliseconds) or {@code Retry-After} (seconds or an HTTP date).
 */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * Returns the wait the headers ask for, measured from {@code now}; empty when none is readable.
   */
  public static Optional<Duration> from(Headers headers, Instant now) {
    for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
      Optional<Duration> ms = number(headers.get(name)).map(Duration::ofMillis);
      if (ms.isPresent()) {
        return ms;
      }
    }
    String value = headers.get("Retry-After");
    if (value == null) {
      return Optional.empty();
    }
    Optional<Duration> seconds = number(value).map(Duration::ofSeconds);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at =
          ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> number(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      long n = Long.parseLong(value.trim());
      return n < 0 ? Optional.empty() : Optional.of(n);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
