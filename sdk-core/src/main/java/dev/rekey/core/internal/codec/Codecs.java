package dev.rekey.core.internal.codec;

import dev.rekey.core.Secret;
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
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The one JSON mapper and the one XML mapper of Rekey. Both ignore unknown properties, map {@link
 * Secret} as a plain string, and bound what a hostile body can make them do (nesting depth, string
 * length). The XML mapper is built from Jackson's own factory, whose parser refuses DTDs and external
 * entities; never hand it a custom {@code XMLInputFactory}.
 */
public final class Codecs {
  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000).build();

  /** The JSON mapper. */
  public static final JsonMapper JSON =
      JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addModule(secretModule())
          .build();

  /** The XML mapper: namespace-agnostic (matches local names), unknown elements skipped. */
  public static final XmlMapper XML =
      XmlMapper.builder(XmlFactory.builder().streamReadConstraints(LIMITS).build())
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
   * Reads XML {@code body} as a tree keyed by local element names; a leading byte-order mark is
   * skipped.
   *
   * @throws MalformedBodyException if the body is not XML, or declares a DTD
   */
  public static JsonNode xmlTree(byte[] body) {
    try {
      return XML.readTree(withoutBom(body));
    } catch (JacksonException e) {
      throw new MalformedBodyException("XML", e);
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
   * Reads XML {@code body} as {@code type}; a leading byte-order mark is skipped.
   *
   * @throws MalformedBodyException if the body is not XML of that shape, or declares a DTD
   */
  public static <T> T readXml(byte[] body, Class<T> type) {
    try {
      return XML.readValue(withoutBom(body), type);
    } catch (JacksonException e) {
      throw new MalformedBodyException("XML", e);
    }
  }

  /** Writes {@code value} as JSON bytes. */
  public static byte[] writeJson(Object value) {
    return JSON.writeValueAsBytes(value);
  }

  static byte[] withoutBom(byte[] body) {
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      return java.util.Arrays.copyOfRange(body, 3, body.length);
    }
    return body;
  }

  private static SimpleModule secretModule() {
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
