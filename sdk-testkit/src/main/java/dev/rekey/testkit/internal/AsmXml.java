package dev.rekey.testkit.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import mockwebserver3.MockResponse;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML as the classic Service Management API writes it: http namespace, {@code xmlns:i}, no
 * declaration.
 */
public final class AsmXml {
  /** The namespace the real service writes (the reference page shows https). */
  public static final String NS = "http://schemas.microsoft.com/windowsazure";

  private static final String NS_AS_DOCUMENTED = "https://schemas.microsoft.com/windowsazure";

  private static final String ATTRS =
      " xmlns=\"" + NS + "\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"";

  private AsmXml() {}

  /** Returns {@code <name xmlns... >inner</name>}. */
  public static String root(String name, String inner) {
    return "<" + name + ATTRS + ">" + inner + "</" + name + ">";
  }

  /** Returns the classic {@code <Error>} body. */
  public static String error(String code, String message) {
    return root("Error", "<Code>" + code + "</Code><Message>" + escape(message) + "</Message>");
  }

  /** Returns an XML answer carrying a fresh 32-hex-digit {@code x-ms-request-id}. */
  public static MockResponse response(int status, String body, String requestId) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/xml; charset=utf-8")
        .setHeader("x-ms-request-id", requestId)
        .body(body)
        .build();
  }

  /** Returns a request id as the classic API writes it: 32 hex digits, no dashes. */
  public static String newRequestId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Returns the {@code KeyType} of a {@code RegenerateKeys} request body, or empty when the body is
   * not XML, declares a DTD, or is not a {@code RegenerateKeys} element with one {@code KeyType} in
   * the Service Management namespace: {@link #NS}, or its https spelling on the reference page.
   */
  public static Optional<String> regenerateKeysKeyType(String body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // throws on a fatal error, prints nothing
      Element root = builder.parse(new InputSource(new StringReader(body))).getDocumentElement();
      String ns = root.getNamespaceURI();
      if (!"RegenerateKeys".equals(root.getLocalName())
          || !(NS.equals(ns) || NS_AS_DOCUMENTED.equals(ns))) {
        return Optional.empty();
      }
      NodeList keyType = root.getElementsByTagNameNS(ns, "KeyType");
      return keyType.getLength() == 1
          ? Optional.of(keyType.item(0).getTextContent().trim())
          : Optional.empty();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return Optional.empty();
    }
  }

  /** Escapes XML text. */
  public static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
