package dev.rekey.core.internal.codec;

import java.util.ArrayList;
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
    Map<String, List<JsonNode>> values = new LinkedHashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      if (t != JsonToken.PROPERTY_NAME) {
        throw new StreamReadException(parser, "expected a property name");
      }
      String name = parser.currentName();
      JsonNode value = value(parser, parser.nextToken(), depth);
      List<JsonNode> earlier = merge ? values.get(name) : null;
      if (earlier == null) {
        values.put(name, new ArrayList<>(List.of(value)));
      } else {
        earlier.add(value);
      }
    }
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    values.forEach(
        (name, all) -> properties.put(name, all.size() == 1 ? all.get(0) : JsonNode.array(all)));
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
