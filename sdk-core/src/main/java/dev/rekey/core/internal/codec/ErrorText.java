package dev.rekey.core.internal.codec;

import org.jspecify.annotations.Nullable;

/**
 * Turns text taken from an error body into something safe to put in an exception message or log.
 */
public final class ErrorText {
  /** The most characters kept from one field of an error body. */
  static final int MAX_LENGTH = 500;

  private ErrorText() {}

  /**
   * Returns {@code raw} with line breaks and tabs folded to single spaces, other control and
   * invisible format characters (bidi overrides, zero-width) removed, trimmed, and cut to {@link
   * #MAX_LENGTH} characters plus an ellipsis; {@code null} when nothing is left.
   */
  public static @Nullable String clean(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder s = new StringBuilder(Math.min(raw.length(), MAX_LENGTH + 1));
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length() && s.length() <= MAX_LENGTH; ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = s.length() > 0;
      } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT) {
        if (pendingSpace) {
          s.append(' ');
          pendingSpace = false;
        }
        s.appendCodePoint(cp);
      }
    }
    if (s.length() > MAX_LENGTH) {
      int cut = Character.isLowSurrogate(s.charAt(MAX_LENGTH)) ? MAX_LENGTH - 1 : MAX_LENGTH;
      s.setLength(cut);
      s.append('…');
    }
    return s.length() == 0 ? null : s.toString();
  }

  /**
   * Returns the cleaned text of {@code object}'s field {@code name} (or its capitalised form, which
   * some services send); numbers and booleans become their text, anything else {@code null}.
   */
  public static @Nullable String field(@Nullable JsonNode object, String name) {
    if (object == null || !object.isObject()) {
      return null;
    }
    JsonNode value = object.get(name);
    if (value == null) {
      value = object.get(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }
    return value != null && value.isValueNode() && !value.isNull() ? clean(value.asString()) : null;
  }
}
