package dev.rekey.testkit.internal;

import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.codec.MalformedBodyException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulators' JSON reading and writing, on sdk-core's streaming codec: no jackson-databind, so
 * the testkit runs in a test JVM whatever Jackson 2 or {@code jackson-annotations} the application
 * has.
 */
public final class Json {
  private Json() {}

  /** Returns {@code value} (maps, lists, strings, numbers, booleans) as JSON text. */
  public static String write(Object value) {
    return new String(Codecs.writeJson(value), StandardCharsets.UTF_8);
  }

  /** Returns {@code text} as a tree; a body that is not JSON reads as a missing node. */
  public static JsonNode read(String text) {
    try {
      return Codecs.jsonTree(text.getBytes(StandardCharsets.UTF_8));
    } catch (MalformedBodyException e) {
      return JsonNode.missingNode();
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
