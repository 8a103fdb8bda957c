package dev.rekey.core.internal.codec;

import dev.rekey.core.Secret;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON mapper of Rekey (XML is in {@link XmlCodec}). It ignores unknown properties, maps
 * {@link Secret} as a plain string, and bounds what a hostile body can make it do (nesting depth,
 * string length); the same limits apply to XML.
 */
public final class Codecs {
  static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build();

  /** The JSON mapper. */
  public static final JsonMapper JSON =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(secretModule())
          .build();

  private Codecs() {}

  /**
   * Reads JSON {@code body} as a tree.
   *
   * @throws MalformedBodyException if the body is not JSON
   */
  public static JsonNode jsonTree(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      throw new MalformedBodyException("JSON", e);
    }
  }

  /**
   * Reads JSON {@code body} as {@code type}.
   *
   * @throws MalformedBodyException if the body is not JSON of that shape
   */
  public static <T> T readJson(byte[] body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (JacksonException e) {
      throw new MalformedBodyException("JSON", e);
    }
  }

  /**
   * Reads an ISO-8601 date-time as services write it: with an offset ({@code Z}, {@code +00:00}) and
   * any fraction, or with no zone at all, which Azure means as UTC. Empty when it is neither.
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
        return Optional.of(
            LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  /** Writes {@code value} as JSON bytes. */
  public static byte[] writeJson(Object value) {
    return JSON.writeValueAsBytes(value);
  }

  static byte[] withoutBom(byte[] body) {
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      return Arrays.copyOfRange(body, 3, body.length);
    }
    return body;
  }

  static SimpleModule secretModule() {
    SimpleModule module = new SimpleModule("rekey-secret");
    module.addSerializer(
        Secret.class,
        new ValueSerializer<Secret>() {
          @Override
          public void serialize(Secret value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.reveal());
          }
        });
    module.addDeserializer(
        Secret.class,
        new ValueDeserializer<Secret>() {
          @Override
          public Secret deserialize(JsonParser p, DeserializationContext ctxt) {
            return Secret.of(p.getValueAsString(""));
          }
        });
    return module;
  }
}
