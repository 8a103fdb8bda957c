package dev.rekey.core.internal.codec;

import dev.rekey.core.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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
import tools.jackson.dataformat.xml.XmlFactoryBuilder;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The one JSON mapper and the one XML mapper of Rekey. Both ignore unknown properties, map {@link
 * Secret} as a plain string, and bound what a hostile body can make them do (nesting depth, string
 * length). The XML mapper keeps the {@code XMLInputFactory} Jackson creates (Woodstox) and only
 * configures it: no DTD processing, no external entities, a resolver that refuses every lookup; and
 * {@link #readXml} refuses any body that declares a DTD at all. Never hand it a custom factory.
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
      XmlMapper.builder(xmlFactory())
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
    return readXml(body, JsonNode.class);
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
    XMLStreamReader reader = null;
    try {
      reader = XML.tokenStreamFactory().getXMLInputFactory()
          .createXMLStreamReader(new ByteArrayInputStream(withoutBom(body)));
      toRootElement(reader);
      return XML.readValue(reader, type);
    } catch (JacksonException | XMLStreamException | IOException e) {
      throw new MalformedBodyException("XML", e);
    } finally {
      closeQuietly(reader);
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

  /** Moves {@code reader} through the prolog to the root element, refusing a DTD on the way. */
  private static void toRootElement(XMLStreamReader reader) throws XMLStreamException {
    for (int event = reader.getEventType(); event != XMLStreamConstants.START_ELEMENT; event = reader.next()) {
      if (event == XMLStreamConstants.DTD) {
        throw new XMLStreamException("DTDs are refused");
      }
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new XMLStreamException("no root element");
      }
    }
  }

  private static void closeQuietly(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // the body is in memory; nothing is left to release
      }
    }
  }

  /**
   * Configures the input factory Jackson itself creates rather than replacing it: Jackson already
   * turns DTDs and external entities off, and stating it here keeps that true if its defaults move.
   */
  private static XmlFactory xmlFactory() {
    XmlFactoryBuilder builder = XmlFactory.builder().streamReadConstraints(LIMITS);
    XMLInputFactory input = builder.xmlInputFactory();
    input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    input.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entities are refused");
        });
    return builder.xmlInputFactory(input).build();
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
