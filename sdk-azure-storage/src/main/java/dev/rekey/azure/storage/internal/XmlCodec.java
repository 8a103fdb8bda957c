package dev.rekey.azure.storage.internal;

import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.codec.JsonTrees;
import dev.rekey.core.internal.codec.MalformedBodyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlFactoryBuilder;

/**
 * The classic API's XML reading, in this module so that applications that never read XML (ONTAP,
 * ACR, NetApp) need not carry Jackson's XML module and Woodstox. It reads with Jackson XML's
 * streaming parser only (no data binding, so no {@code jackson-databind} or {@code
 * jackson-annotations} class is loaded), matching local names whatever the namespace, over
 * Woodstox's factories made directly (the implementation Jackson would look up, without the JDK's
 * service lookup that scans every jar on the class path at first use) and hardened here: no DTD
 * processing, no external entities, a resolver that refuses every lookup; and every read refuses a
 * body that declares a DTD at all.
 */
public final class XmlCodec {
  private static final XmlFactory XML = xmlFactory();

  private XmlCodec() {}

  /**
   * Reads XML {@code body} as a tree of the root element's content keyed by local element names: an
   * element with text only is a string, one marked {@code xsi:nil} is {@code null}, a repeated
   * element is an array, and an element with attributes is an object of them with its text under
   * the empty name. A leading byte-order mark is skipped.
   *
   * @throws MalformedBodyException if the body is not XML within the limits, or declares a DTD
   */
  public static JsonNode xmlTree(byte[] body) {
    XMLStreamReader reader = null;
    try {
      reader =
          XML.getXMLInputFactory()
              .createXMLStreamReader(new ByteArrayInputStream(Codecs.withoutBom(body)));
      toRootElement(reader);
      try (JsonParser parser = XML.createParser(ObjectReadContext.empty(), reader)) {
        return JsonTrees.read(parser);
      }
    } catch (JacksonException | XMLStreamException | IOException e) {
      throw new MalformedBodyException("XML", e);
    } finally {
      closeQuietly(reader);
    }
  }

  /** Moves {@code reader} through the prolog to the root element, refusing a DTD on the way. */
  private static void toRootElement(XMLStreamReader reader) throws XMLStreamException {
    for (int event = reader.getEventType();
        event != XMLStreamConstants.START_ELEMENT;
        event = reader.next()) {
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
   * Hardens the input factory the way Jackson hardens the one it looks up itself (no DTDs, no
   * external entities), and more: a resolver that refuses every lookup.
   */
  private static XmlFactory xmlFactory() {
    XmlFactoryBuilder builder = XmlFactory.builder().streamReadConstraints(Codecs.LIMITS);
    XMLInputFactory input = new WstxInputFactory();
    input.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    input.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entities are refused");
        });
    return builder.xmlInputFactory(input).xmlOutputFactory(new WstxOutputFactory()).build();
  }
}
