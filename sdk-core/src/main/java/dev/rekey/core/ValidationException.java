package dev.rekey.core;

/**
 * An argument broke a rule the service documents; thrown before any network I/O.
 *
 * <p>The message reads {@code <field> "<value>" must <rule>}; for secret fields the value is shown as
 * {@code ****}.
 */
public final class ValidationException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  /** Creates the exception for {@code field}, whose {@code shownValue} broke {@code rule}. */
  public ValidationException(String field, String shownValue, String rule) {
    super(field + " " + shownValue + " " + rule);
    this.field = field;
    this.rule = rule;
  }

  /** Returns the name of the field that failed, e.g. {@code registryName}. */
  public String field() {
    return field;
  }

  /** Returns the rule that failed, e.g. {@code must match ^[a-zA-Z0-9]*$}. */
  public String rule() {
    return rule;
  }
}
