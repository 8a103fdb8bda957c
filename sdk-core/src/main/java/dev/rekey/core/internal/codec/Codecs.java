package dev.rekey.core.internal.codec;

import dev.rekey.core.Secret;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * Rekey's JSON reading and writing, on jackson-core's streaming parser and generator only: no data
 * binding, so an application's own {@code jackson-annotations} or Jackson 2 of any version never
 * meets Rekey's. Reading bounds what a hostile body can make it do (nesting depth, string and
 * number length); sdk-azure-storage's classic XML codec reads within the same {@link #LIMITS}.
 */
public final class Codecs {
  /** The bounds every body is read within, JSON or XML: nesting depth and string length. */
  public static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build();

  private Codecs() {}

  /**
   * Reads JSON {@code body} as a tree; an empty body reads as the missing node.
   *
   * @throws MalformedBodyException if the body is not one JSON value within the limits
   */
  public static JsonNode jsonTree(byte[] body) {
    try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), body)) {
      return JsonTrees.read(parser);
    } catch (JacksonException e) {
      throw new MalformedBodyException("JSON", e);
    }
  }

  /**
   * Reads an ISO-8601 date-time as services write it: with an offset ({@code Z}, {@code +00:00})
   * and any fraction, or with no zone at all, which Azure means as UTC. Empty when it is neither.
   */
  public static Optional<Instant> isoInstant(String value) {
    Instant utc = IsoInstants.utc(value);
    if (utc != null) {
      return Optional.of(utc);
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException withoutOffset) {
      try {
        return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * Writes {@code value} as JSON bytes: a {@link Map} (keys as text, in its order), an {@link
   * Iterable}, a {@link JsonNode}, a {@link String}, a {@link Secret} (its value, as a string), a
   * {@link Number}, a {@link Boolean} or {@code null}, nested as deep as needed.
   *
   * @throws IllegalArgumentException if a value is of any other type
   */
  public static byte[] writeJson(@Nullable Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      write(gen, value);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator gen, @Nullable Object value) {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof String s) {
      gen.writeString(s);
    } else if (value instanceof Secret s) {
      gen.writeString(s.reveal());
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      gen.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      gen.writeNumber(n.toString());
    } else if (value instanceof JsonNode node) {
      writeNode(gen, node);
    } else if (value instanceof Map<?, ?> map) {
      gen.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        gen.writeName(String.valueOf(e.getKey()));
        write(gen, e.getValue());
      }
      gen.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      gen.writeStartArray();
      for (Object item : items) {
        write(gen, item);
      }
      gen.writeEndArray();
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + value.getClass().getName() + " as JSON");
    }
  }

  private static void writeNode(JsonGenerator gen, JsonNode node) {
    if (node.isObject()) {
      gen.writeStartObject();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        gen.writeName(e.getKey());
        writeNode(gen, e.getValue());
      }
      gen.writeEndObject();
    } else if (node.isArray()) {
      gen.writeStartArray();
      for (JsonNode item : node) {
        writeNode(gen, item);
      }
      gen.writeEndArray();
    } else if (node.isString()) {
      gen.writeString(node.stringValue());
    } else if (node.isNumber()) {
      gen.writeNumber(node.asString());
    } else if (node.isBoolean()) {
      gen.writeBoolean(Boolean.parseBoolean(node.asString()));
    } else {
      gen.writeNull();
    }
  }

  /**
   * Returns {@code body} without a leading UTF-8 byte-order mark, or {@code body} itself when it
   * has none.
   */
  public static byte[] withoutBom(byte[] body) {
    if (body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      return Arrays.copyOfRange(body, 3, body.length);
    }
    return body;
  }

  /**
   * Holds the JSON factory apart so that a client that only reads XML (classic storage) never loads
   * the JSON parsers and generators it builds.
   */
  private static final class Json {
    static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(LIMITS).build();
  }
}
