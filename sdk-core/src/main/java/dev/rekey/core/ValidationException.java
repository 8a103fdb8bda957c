package dev.rekey.core;

import java.util.Arrays;

/**
 * An argument broke a rule the service documents; thrown before any network I/O.
 *
 * <p>The message reads {@code <field> "<value>" must <rule>}; for secret fields the value is shown
 * as {@code ****}.
 */
public final class ValidationException extends RekeyException {
  private static final long serialVersionUID = 1L;
  private static final String NOT_NULL = "must not be null";

  private final String field;
  private final String rule;

  /** Creates the exception for {@code field}, whose {@code shownValue} broke {@code rule}. */
  public ValidationException(String field, String shownValue, String rule) {
    this(field, shownValue, rule, "");
  }

  /**
   * Creates the exception for required fields left unset or set to null, naming the first: {@code
   * registry null must not be null}; any further ones are listed after it ({@code (token is not set
   * either)}). Every Rekey model builder throws it, through the project's Immutables style, for a
   * required field its {@code build()} finds unset and for a null passed to a setter.
   */
  public ValidationException(String... unsetFields) {
    this(
        unsetFields.length == 0 ? "request" : unsetFields[0],
        "null",
        NOT_NULL,
        unsetFields.length < 2
            ? ""
            : " ("
                + String.join(", ", Arrays.asList(unsetFields).subList(1, unsetFields.length))
                + (unsetFields.length == 2 ? " is" : " are")
                + " not set either)");
  }

  private ValidationException(String field, String shownValue, String rule, String more) {
    super(field + " " + shownValue + " " + rule + more);
    this.field = field;
    this.rule = rule;
  }

  /** Returns the name of the field that failed, e.g. {@code registry}. */
  public String field() {
    return field;
  }

  /** Returns the rule that failed, e.g. {@code must match ^[a-zA-Z0-9]*$}. */
  public String rule() {
    return rule;
  }
}
