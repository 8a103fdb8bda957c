package dev.rekey.core.internal.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadCapability;
import tools.jackson.core.exc.StreamReadException;

/**
 * Builds a {@link JsonNode} from the tokens of a streaming parser (JSON, or Jackson XML's, which
 * reports elements as properties). Depth and string length are checked against {@link
 * Codecs#LIMITS} whatever the parser checks itself; a property a parser reports twice (a repeated
 * XML element) becomes an array of its values.
 */
public final class JsonTrees {
  private JsonTrees() {}

  /**
   * Returns the one value {@code parser} holds: the missing node for an empty body.
   *
   * @throws tools.jackson.core.JacksonException if the tokens are malformed, too deep or too long,
   *     or more follows the value
   */
  public static JsonNode read(JsonParser parser) {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return JsonNode.missingNode();
    }
    JsonNode root = value(parser, first, 0);
    if (parser.nextToken() != null) {
      throw new StreamReadException(parser, "content after the value");
    }
    return root;
  }

  private static JsonNode value(JsonParser parser, @Nullable JsonToken token, int depth) {
    if (token == null) {
      throw new StreamReadException(parser, "unexpected end of input");
    }
    switch (token) {
      case START_OBJECT:
        return object(parser, depth + 1);
      case START_ARRAY:
        return array(parser, depth + 1);
      case VALUE_STRING:
        String s = parser.getString();
        Codecs.LIMITS.validateStringLength(s.length());
        return JsonNode.string(s);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return JsonNode.number(parser.getString());
      case VALUE_TRUE:
        return JsonNode.bool(true);
      case VALUE_FALSE:
        return JsonNode.bool(false);
      case VALUE_NULL:
        return JsonNode.NULL;
      default:
        throw new StreamReadException(parser, "unexpected token " + token);
    }
  }

  private static JsonNode object(JsonParser parser, int depth) {
    Codecs.LIMITS.validateNestingDepth(depth);
    boolean merge =
        parser.streamReadCapabilities().isEnabled(StreamReadCapability.DUPLICATE_PROPERTIES);
    Map<String, JsonNode> properties = new LinkedHashMap<>(8); // most objects have few properties
    Map<String, List<JsonNode>> repeated = null; // only a repeated XML element's values
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      if (t != JsonToken.PROPERTY_NAME) {
        throw new StreamReadException(parser, "expected a property name");
      }
      String name = parser.currentName();
      JsonNode value = value(parser, parser.nextToken(), depth);
      JsonNode earlier = merge ? properties.putIfAbsent(name, value) : properties.put(name, value);
      if (merge && earlier != null) {
        if (repeated == null) {
          repeated = new HashMap<>();
        }
        repeated.computeIfAbsent(name, n -> new ArrayList<>(List.of(earlier))).add(value);
      }
    }
    if (repeated != null) {
      repeated.forEach((name, all) -> properties.put(name, JsonNode.array(all))); // keeps order
    }
    return JsonNode.object(properties);
  }

  private static JsonNode array(JsonParser parser, int depth) {
    Codecs.LIMITS.validateNestingDepth(depth);
    List<JsonNode> elements = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      if (t == null) {
        throw new StreamReadException(parser, "unclosed array");
      }
      elements.add(value(parser, t, depth));
    }
    return JsonNode.array(elements);
  }
}
