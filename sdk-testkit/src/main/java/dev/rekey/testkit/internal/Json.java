package dev.rekey.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The emulators' JSON reading and writing. */
public final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** Returns {@code value} (maps, lists, strings, numbers) as JSON text. */
  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /** Returns {@code text} as a tree; a body that is not JSON reads as a missing node. */
  public static JsonNode read(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (RuntimeException e) {
      return MAPPER.missingNode();
    }
  }

  /**
   * Returns an ARM error body {@code {"error":{"code","message","target"?,"details":[],
   * "additionalInfo":[]}}}, the common-types {@code ErrorDetail} shape.
   */
  public static String armError(String code, String message, String target) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    if (target != null) {
      error.put("target", target);
    }
    error.put("details", List.of());
    error.put("additionalInfo", List.of());
    return write(Map.of("error", error));
  }
}
