package dev.rekey.core.internal.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link Codecs#isoInstant}: the form Azure writes almost always, {@code
 * yyyy-MM-ddTHH:mm:ss[.f…]Z}, read without {@code DateTimeFormatter} (which allocates a parse
 * context, maps and intermediate objects for every value). Anything else, including leap seconds
 * and offsets, is left to the general parser.
 */
final class IsoInstants {
  private IsoInstants() {}

  /**
   * Returns the instant {@code v} names in that strict UTC form, or null when it is in another
   * form.
   */
  static @Nullable Instant utc(String v) {
    int n = v.length();
    if (n < 20
        || n > 30
        || v.charAt(n - 1) != 'Z'
        || v.charAt(4) != '-'
        || v.charAt(7) != '-'
        || v.charAt(10) != 'T'
        || v.charAt(13) != ':'
        || v.charAt(16) != ':') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if (year < 0
        || month < 0
        || day < 0
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int fraction = n - 21;
      if (v.charAt(19) != '.' || fraction < 1 || fraction > 9) {
        return null;
      }
      int f = digits(v, 20, fraction);
      if (f < 0) {
        return null;
      }
      nanos = f;
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Returns the decimal value of {@code count} ASCII digits at {@code from}, or -1 if one is not a
   * digit.
   */
  private static int digits(String v, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
