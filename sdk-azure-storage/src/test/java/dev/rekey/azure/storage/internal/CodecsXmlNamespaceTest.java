package dev.rekey.azure.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.internal.codec.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CodecsXmlNamespaceTest {
  private static final String RECORD =
      "<Url>https://management.core.windows.net/sub/services/storageservices/acct</Url>"
          + "<StorageServiceKeys><Primary>pk==</Primary><Secondary>sk==</Secondary></StorageServiceKeys>";

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of(
            "http namespace",
            wrap("xmlns=\"http://schemas.microsoft.com/windowsazure\"", RECORD),
            false),
        Arguments.of(
            "https namespace",
            wrap("xmlns=\"https://schemas.microsoft.com/windowsazure\"", RECORD),
            false),
        Arguments.of("no namespace", wrap("", RECORD), false),
        Arguments.of(
            "no XML declaration", "<StorageService>" + RECORD + "</StorageService>", false),
        Arguments.of(
            "prefixed namespace",
            "<a:StorageService xmlns:a=\"http://schemas.microsoft.com/windowsazure\"><a:Url>"
                + "https://management.core.windows.net/sub/services/storageservices/acct</a:Url>"
                + "<a:StorageServiceKeys><a:Primary>pk==</a:Primary><a:Secondary>sk==</a:Secondary>"
                + "</a:StorageServiceKeys></a:StorageService>",
            false),
        Arguments.of(
            "unknown elements",
            wrap("", "<Label>x</Label><Extended><A>1</A></Extended>" + RECORD + "<Tail/>"),
            false),
        Arguments.of(
            "UTF-8 BOM",
            "\uFEFF" + wrap("xmlns=\"http://schemas.microsoft.com/windowsazure\"", RECORD),
            false),
        Arguments.of(
            "xmlns:i and i:nil",
            wrap(
                "xmlns=\"http://schemas.microsoft.com/windowsazure\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "<Url>https://management.core.windows.net/sub/services/storageservices/acct</Url>"
                    + "<Label i:nil=\"true\"/><StorageServiceKeys><Primary>pk==</Primary>"
                    + "<Secondary i:nil=\"true\"/></StorageServiceKeys>"),
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void readsTheSameRecordWhateverTheNamespace(String name, String body, boolean secondaryNil) {
    JsonNode s = XmlCodec.xmlTree(utf8(body));
    assertThat(s.path("Url").stringValue())
        .isEqualTo("https://management.core.windows.net/sub/services/storageservices/acct");
    assertThat(s.path("StorageServiceKeys").path("Primary").stringValue()).isEqualTo("pk==");
    if (secondaryNil) {
      assertThat(s.path("StorageServiceKeys").path("Secondary").isNull()).isTrue();
    } else {
      assertThat(s.path("StorageServiceKeys").path("Secondary").stringValue()).isEqualTo("sk==");
    }
  }

  @Test
  void readsRepeatedElementsAsAnArrayAndAttributesBesideTheText() {
    JsonNode s =
        XmlCodec.xmlTree(utf8("<R><K>a</K><Other/><K>b</K><L>one</L><T kind=\"x\">text</T></R>"));
    assertThat(s.path("K").isArray()).isTrue();
    assertThat(s.path("K").path(0).stringValue()).isEqualTo("a");
    assertThat(s.path("K").path(1).stringValue()).isEqualTo("b");
    assertThat(s.path("L").stringValue()).isEqualTo("one");
    assertThat(s.path("T").path("kind").stringValue()).isEqualTo("x");
    assertThat(s.path("T").path("").stringValue()).isEqualTo("text");
  }

  private static String wrap(String attributes, String inner) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><StorageService "
        + attributes
        + ">"
        + inner
        + "</StorageService>";
  }

  private static byte[] utf8(String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (body.startsWith("\uFEFF")) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      body = body.substring(1);
    }
    out.writeBytes(body.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
