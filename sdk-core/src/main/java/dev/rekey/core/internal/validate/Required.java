package dev.rekey.core.internal.validate;

import dev.rekey.core.ValidationException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an Immutables {@code build()} so that a required attribute left unset ends in the project's
 * {@link ValidationException} naming the builder's own field ({@code registry null must not be null}, as {@link Check#notNull}),
 * never in Immutables' {@code IllegalStateException}: the setters are named after the attributes.
 */
public final class Required {
  private static final Pattern ATTRIBUTES = Pattern.compile("required attributes are not set \\[([^,\\]]+)");

  private Required() {}

  /**
   * Returns {@code build}'s value.
   *
   * @throws ValidationException naming the first required field that was not set, or the rule the
   *     model's own check reports
   */
  public static <T> T build(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalStateException e) {
      Matcher m = ATTRIBUTES.matcher(Objects.toString(e.getMessage(), ""));
      ValidationException failure = m.find()
          ? new ValidationException(m.group(1).trim(), "null", "must not be null")
          : new ValidationException("request", "(incomplete)", "could not be built");
      failure.initCause(e);
      throw failure;
    }
  }
}
