package dev.rekey.core.internal.codec;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable JSON value, as {@link Codecs#jsonTree} (and the classic XML codec, through {@link
 * JsonTrees}) read it with Jackson's streaming parsers (no data binding, so no {@code
 * jackson-databind} or {@code jackson-annotations} class is loaded). Its methods are the few the
 * decoders use, named as Jackson 3's {@code JsonNode}'s: {@link #path} never returns {@code null}
 * (a missing node instead), {@link #get} does, and iterating visits an array's elements or an
 * object's values.
 *
 * <p>{@link #toString()} names the kind of value only, never its content: a body may hold a secret.
 */
public final class JsonNode implements Iterable<JsonNode> {
  private static final JsonNode MISSING = new JsonNode(Kind.MISSING, null, List.of(), Map.of());
  static final JsonNode NULL = new JsonNode(Kind.NULL, null, List.of(), Map.of());

  private final Kind kind;
  private final @Nullable String scalar;
  private final List<JsonNode> elements;
  private final Map<String, JsonNode> properties;

  private JsonNode(
      Kind kind,
      @Nullable String scalar,
      List<JsonNode> elements,
      Map<String, JsonNode> properties) {
    this.kind = kind;
    this.scalar = scalar;
    this.elements = elements;
    this.properties = properties;
  }

  /** Returns the node that stands for an absent value. */
  public static JsonNode missingNode() {
    return MISSING;
  }

  static JsonNode string(String value) {
    return new JsonNode(Kind.STRING, value, List.of(), Map.of());
  }

  static JsonNode number(String text) {
    return new JsonNode(Kind.NUMBER, text, List.of(), Map.of());
  }

  static JsonNode bool(boolean value) {
    return new JsonNode(Kind.BOOLEAN, Boolean.toString(value), List.of(), Map.of());
  }

  static JsonNode array(List<JsonNode> elements) {
    return new JsonNode(Kind.ARRAY, null, List.copyOf(elements), Map.of());
  }

  /**
   * {@code properties} must not be changed afterwards: it is kept, not copied, to keep its order.
   */
  static JsonNode object(Map<String, JsonNode> properties) {
    return new JsonNode(Kind.OBJECT, null, List.of(), properties);
  }

  /** Returns the property {@code name} of an object, else {@code null}. */
  public @Nullable JsonNode get(String name) {
    return properties.get(name);
  }

  /** Returns the element at {@code index} of an array, else {@code null}. */
  public @Nullable JsonNode get(int index) {
    return index >= 0 && index < elements.size() ? elements.get(index) : null;
  }

  /** Returns the property {@code name} of an object, else the missing node. */
  public JsonNode path(String name) {
    JsonNode value = get(name);
    return value == null ? MISSING : value;
  }

  /** Returns the element at {@code index} of an array, else the missing node. */
  public JsonNode path(int index) {
    JsonNode value = get(index);
    return value == null ? MISSING : value;
  }

  /**
   * Returns the string value of property {@code name} exactly as the body wrote it, empty or blank
   * included; {@code null} when this is no object, or the property is missing, {@code null} or not
   * a string (a number is not read as text). The one rule for reading a JSON string field.
   */
  public @Nullable String stringField(String name) {
    JsonNode value = get(name);
    return value != null && value.kind == Kind.STRING ? value.scalar : null;
  }

  /** Returns {@link #stringField(String)} of {@code name}, or {@code null} when it is blank. */
  public @Nullable String nonBlankStringField(String name) {
    String value = stringField(name);
    return value == null || value.isBlank() ? null : value;
  }

  /**
   * Returns {@link #stringField(String)} of {@code name} trimmed, or {@code null} when nothing is
   * left: for XML, where white space around an element's text means nothing.
   */
  public @Nullable String trimmedStringField(String name) {
    String value = stringField(name);
    String trimmed = value == null ? "" : value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** Returns whether this is an object with a property {@code name}, even a {@code null} one. */
  public boolean has(String name) {
    return properties.containsKey(name);
  }

  /** Returns whether this is an object with a property {@code name} that is not {@code null}. */
  public boolean hasNonNull(String name) {
    JsonNode value = get(name);
    return value != null && !value.isNull();
  }

  /** Returns whether this stands for an absent value. */
  public boolean isMissingNode() {
    return kind == Kind.MISSING;
  }

  /** Returns whether this is JSON {@code null} (or an XML element marked {@code xsi:nil}). */
  public boolean isNull() {
    return kind == Kind.NULL;
  }

  /** Returns whether this is an array. */
  public boolean isArray() {
    return kind == Kind.ARRAY;
  }

  /** Returns whether this is an object. */
  public boolean isObject() {
    return kind == Kind.OBJECT;
  }

  /** Returns whether this is a string. */
  public boolean isString() {
    return kind == Kind.STRING;
  }

  /** Returns whether this is a number. */
  public boolean isNumber() {
    return kind == Kind.NUMBER;
  }

  /** Returns whether this is a boolean. */
  public boolean isBoolean() {
    return kind == Kind.BOOLEAN;
  }

  /**
   * Returns whether this is a string, number, boolean or {@code null}: neither a container nor
   * missing.
   */
  public boolean isValueNode() {
    return kind != Kind.OBJECT && kind != Kind.ARRAY && kind != Kind.MISSING;
  }

  /**
   * Returns the string's value.
   *
   * @throws IllegalStateException if this is not a string
   */
  public String stringValue() {
    if (kind != Kind.STRING) {
      throw new IllegalStateException("not a string but " + this);
    }
    return scalar;
  }

  /**
   * Returns a string, number or boolean as text (a number as the body wrote it), else {@code ""}.
   */
  public String asString() {
    return asString("");
  }

  /**
   * Returns a string, number or boolean as text (a number as the body wrote it), else {@code
   * fallback}.
   */
  public @Nullable String asString(@Nullable String fallback) {
    return scalar != null ? scalar : fallback;
  }

  /** Returns how many elements an array, or properties an object, has; else 0. */
  public int size() {
    return kind == Kind.OBJECT ? properties.size() : elements.size();
  }

  /** Visits an array's elements or an object's property values; nothing for any other value. */
  @Override
  public Iterator<JsonNode> iterator() {
    return kind == Kind.OBJECT
        ? Collections.unmodifiableCollection(properties.values()).iterator()
        : elements.iterator();
  }

  /** Returns an object's properties in body order; empty for any other value. */
  public Set<Map.Entry<String, JsonNode>> properties() {
    return Collections.unmodifiableMap(properties).entrySet();
  }

  /** Names the kind and size only: the content may be a secret. */
  @Override
  public String toString() {
    return switch (kind) {
      case OBJECT -> "JSON object of " + properties.size() + " properties";
      case ARRAY -> "JSON array of " + elements.size() + " elements";
      default -> "JSON " + kind.name().toLowerCase(Locale.ROOT);
    };
  }

  private enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    MISSING
  }
}
