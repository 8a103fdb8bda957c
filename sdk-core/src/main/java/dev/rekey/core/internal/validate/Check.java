package dev.rekey.core.internal.validate;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The argument checks every request builder runs before any I/O. Each returns its value so a
 * builder can check and assign in one line, and each failure is a {@link ValidationException} whose
 * message reads {@code <field> "<value>" <rule>}, e.g. {@code registry "my-reg!" must match
 * ^[a-zA-Z0-9]*$}. Values are shown quoted, escaped and cut to {@value #MAX_SHOWN} characters; a
 * {@link Secret} is shown as {@code ****}.
 */
public final class Check {
  /** The most characters of a value a message shows. */
  public static final int MAX_SHOWN = 64;

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final String SECRET_SHOWN = "****";

  /** Visible ASCII, inner spaces allowed: what an HTTP header value carries as it is. */
  private static final Pattern HEADER_TEXT = Pattern.compile("[!-~](?:[ -~]*[!-~])?");

  private Check() {}

  /**
   * Returns {@code value} if it is not null.
   *
   * @throws ValidationException {@code <field> null must not be null}
   */
  public static <T> T notNull(String field, @Nullable T value) {
    if (value == null) {
      throw new ValidationException(field, "null", "must not be null");
    }
    return value;
  }

  /**
   * Returns {@code value} if all of it matches {@code pattern}. For names, never a secret's text: a
   * value that matched is remembered ({@link MatchedValues}).
   *
   * @throws ValidationException {@code must match <pattern>}, or {@code must not be null}
   */
  public static String matches(String field, @Nullable String value, Pattern pattern) {
    String checked = notNull(field, value);
    if (!matchesWhole(pattern, checked)) {
      throw new ValidationException(field, quote(checked), "must match " + pattern.pattern());
    }
    return checked;
  }

  /**
   * Returns {@code value} if all of it matches {@code pattern}; {@code rule} is the whole rule text
   * shown on failure, e.g. {@code must start with a letter}. For names, never a secret's text.
   *
   * @throws ValidationException with {@code rule}, or {@code must not be null}
   */
  public static String matches(String field, @Nullable String value, Pattern pattern, String rule) {
    Objects.requireNonNull(pattern, "pattern == null");
    String checked = notNull(field, value);
    if (!matchesWhole(pattern, checked)) {
      throw new ValidationException(field, quote(checked), rule);
    }
    return checked;
  }

  /**
   * Matches {@code value} against all of {@code pattern}, unless it matched before: names repeat
   * call after call, and with eight threads rotating NetApp buckets the six names' patterns were 3
   * % of the callers' CPU. Only a value that did not match before pays for a {@link
   * java.util.regex.Matcher}.
   */
  private static boolean matchesWhole(Pattern pattern, String value) {
    if (MatchedValues.contains(pattern, value)) {
      return true;
    }
    boolean matches = pattern.matcher(value).matches();
    if (matches) {
      MatchedValues.add(pattern, value);
    }
    return matches;
  }

  /**
   * Returns {@code value} if it has {@code min} to {@code max} characters (UTF-16 units).
   *
   * @throws ValidationException {@code must be 1–90 characters (was 93)}, or {@code must not be
   *     null}
   */
  public static String length(String field, @Nullable String value, int min, int max) {
    String checked = notNull(field, value);
    if (checked.length() < min || checked.length() > max) {
      throw new ValidationException(field, quote(checked), lengthRule(min, max, checked.length()));
    }
    return checked;
  }

  /**
   * Returns {@code secret} if it has {@code min} to {@code max} characters; the message shows
   * {@code ****}, never the value.
   *
   * @throws ValidationException {@code must be 8–128 characters (was 5)}, or {@code must not be
   *     null}
   */
  public static Secret secretLength(String field, @Nullable Secret secret, int min, int max) {
    Secret checked = notNull(field, secret);
    if (checked.length() < min || checked.length() > max) {
      throw new ValidationException(field, SECRET_SHOWN, lengthRule(min, max, checked.length()));
    }
    return checked;
  }

  /**
   * Returns {@code value} if it is a UUID in the canonical 8-4-4-4-12 hexadecimal form.
   *
   * @throws ValidationException {@code must be a UUID}, or {@code must not be null}
   */
  public static String uuid(String field, @Nullable String value) {
    return matches(field, value, UUID, "must be a UUID");
  }

  /**
   * Returns {@code value} if it can be sent as it is in the HTTP header {@code header}: visible
   * ASCII characters and inner spaces (OkHttp refuses anything else when the request is built, long
   * after the value was given).
   *
   * @throws ValidationException {@code must be printable ASCII without white space at either end:
   *     it is sent in the <header> header}, or {@code must not be null}
   */
  public static String headerText(String field, @Nullable String value, String header) {
    String checked = notNull(field, value);
    if (!matchesWhole(HEADER_TEXT, checked)) {
      throw new ValidationException(
          field,
          quote(checked),
          "must be printable ASCII without white space at either end: it is sent in the "
              + header
              + " header");
    }
    return checked;
  }

  /**
   * Returns {@code value} if it is at least {@code min}.
   *
   * @throws ValidationException {@code must be at least <min>}
   */
  public static int atLeast(String field, int value, int min) {
    return (int) atLeast(field, (long) value, (long) min);
  }

  /**
   * Returns {@code value} if it is at least {@code min}.
   *
   * @throws ValidationException {@code must be at least <min>}
   */
  public static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new ValidationException(field, quote(Long.toString(value)), "must be at least " + min);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is between {@code min} and {@code max}, both included.
   *
   * @throws ValidationException {@code must be between <min> and <max>}
   */
  public static int between(String field, int value, int min, int max) {
    return (int) between(field, (long) value, (long) min, (long) max);
  }

  /**
   * Returns {@code value} if it is between {@code min} and {@code max}, both included.
   *
   * @throws ValidationException {@code must be between <min> and <max>}
   */
  public static long between(String field, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ValidationException(
          field, quote(Long.toString(value)), "must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * Returns {@code value} if it equals one of {@code allowed} (case-sensitive); the message lists
   * them in {@code allowed}'s iteration order, so pass a {@code List} for a stable message.
   *
   * @throws ValidationException {@code must be one of [a, b]}, or {@code must not be null}
   */
  public static String oneOf(String field, @Nullable String value, Collection<String> allowed) {
    String checked = notNull(field, value);
    if (!allowed.contains(checked)) {
      throw new ValidationException(field, quote(checked), "must be one of " + allowed);
    }
    return checked;
  }

  /**
   * Returns {@code value} if it is zero or longer.
   *
   * @throws ValidationException {@code must not be negative}
   */
  public static java.time.Duration notNegative(String field, java.time.Duration value) {
    if (value.isNegative()) {
      throw new ValidationException(field, quote(value.toString()), "must not be negative");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is longer than zero.
   *
   * @throws ValidationException {@code must be positive}
   */
  public static java.time.Duration positive(String field, java.time.Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new ValidationException(field, quote(value.toString()), "must be positive");
    }
    return value;
  }

  /**
   * Returns {@code value} as a message shows it: in double quotes, with quotes, backslashes and
   * control characters escaped, cut to {@value #MAX_SHOWN} characters plus {@code …}; {@code null}
   * unquoted. Use it when a module throws {@link ValidationException} for a rule of its own.
   */
  public static String quote(@Nullable String value) {
    if (value == null) {
      return "null";
    }
    int end = Math.min(value.length(), MAX_SHOWN);
    if (end < value.length() && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    StringBuilder s = new StringBuilder(end + 8).append('"');
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    if (end < value.length()) {
      s.append('…');
    }
    return s.append('"').toString();
  }

  private static String lengthRule(int min, int max, int actual) {
    String range = min == max ? Integer.toString(min) : min + "–" + max;
    return "must be " + range + " characters (was " + actual + ")";
  }
}
