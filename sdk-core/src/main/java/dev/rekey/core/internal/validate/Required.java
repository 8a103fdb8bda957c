package dev.rekey.core.internal.validate;

import dev.rekey.core.ValidationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the {@link IllegalStateException} an Immutables builder throws for unset required attributes
 * ({@code Cannot build X, some of required attributes are not set [name, password]}) into the {@link
 * ValidationException} every other invalid field gets, naming the first missing attribute — which is
 * the builder's own field name, since the setters are named after the attributes.
 */
public final class Required {
  private static final Pattern NOT_SET = Pattern.compile("required attributes are not set \\[([^\\],]+)");

  private Required() {}

  /**
   * Returns the validation failure for {@code e}: {@code <field> null must be set}. An exception that
   * is not Immutables' missing-attribute message is returned as the cause of a failure on field
   * {@code request}, so no {@code IllegalStateException} ever reaches a caller.
   */
  public static ValidationException missing(IllegalStateException e) {
    String message = e.getMessage();
    Matcher m = NOT_SET.matcher(message == null ? "" : message);
    ValidationException failure =
        m.find()
            ? new ValidationException(m.group(1).trim(), "null", "must be set")
            : new ValidationException("request", "(incomplete)", "could not be built");
    failure.initCause(e);
    return failure;
  }
}
