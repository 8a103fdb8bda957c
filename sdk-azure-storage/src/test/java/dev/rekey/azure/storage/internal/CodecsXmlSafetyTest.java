package dev.rekey.azure.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.MalformedBodyException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodecsXmlSafetyTest {
  private static final String CANARY = "canary-5f1e9c-never-read";

  @Test
  void refusesExternalEntityPointingAtEtcPasswd() {
    String body =
        "<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<Error><Code>&xxe;</Code></Error>";
    Throwable thrown = catchThrowable(() -> XmlCodec.xmlTree(bytes(body)));
    assertThat(thrown).isInstanceOf(MalformedBodyException.class);
    assertThat(everythingIn(thrown)).doesNotContain("root:").doesNotContain("/bin/");
  }

  @Test
  void neverReadsALocalFileNamedByAnEntity(@TempDir Path dir) throws Exception {
    Path secretFile = Files.writeString(dir.resolve("canary.txt"), CANARY);
    String uri = secretFile.toUri().toString();
    String[] bodies = {
      "<!DOCTYPE Error [<!ENTITY xxe SYSTEM \"" + uri + "\">]><Error><Code>&xxe;</Code></Error>",
      "<!DOCTYPE Error [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]><Error><Code>x</Code></Error>",
      "<!DOCTYPE Error SYSTEM \"" + uri + "\"><Error><Code>x</Code></Error>",
      "<Error xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Code><xi:include href=\""
          + uri
          + "\" parse=\"text\"/></Code></Error>",
    };
    for (String body : bodies) {
      Object result;
      try {
        result =
            new String(Codecs.writeJson(XmlCodec.xmlTree(bytes(body))), StandardCharsets.UTF_8);
      } catch (MalformedBodyException e) {
        result = everythingIn(e);
      }
      assertThat(String.valueOf(result)).as(body).doesNotContain(CANARY);
    }
  }

  @Test
  void refusesEveryDoctypeEvenWithoutEntities() {
    assertThatThrownBy(
            () -> XmlCodec.xmlTree(bytes("<!DOCTYPE Error><Error><Code>x</Code></Error>")))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageContaining("XML");
  }

  @Test
  void treeReadingRefusesDoctypesAndEntitiesToo() {
    String xxe =
        "<!DOCTYPE Operation [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<Operation><Status>&xxe;</Status></Operation>";
    assertThatThrownBy(() -> XmlCodec.xmlTree(bytes(xxe)))
        .isInstanceOf(MalformedBodyException.class);
    assertThatThrownBy(() -> XmlCodec.xmlTree(bytes("<!DOCTYPE Operation><Operation/>")))
        .isInstanceOf(MalformedBodyException.class);
    assertThat(
            XmlCodec.xmlTree(bytes("<Operation><Status>Succeeded</Status></Operation>"))
                .path("Status")
                .asString())
        .isEqualTo("Succeeded");
  }

  @Test
  void refusesBillionLaughs() {
    StringBuilder dtd =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String body = dtd + "]><Error><Code>&lol9;</Code></Error>";
    long before = System.nanoTime();
    assertThatThrownBy(() -> XmlCodec.xmlTree(bytes(body)))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageNotContaining("lollol");
    assertThat(System.nanoTime() - before).isLessThan(5_000_000_000L);
  }

  @Test
  void malformedBodyMessageNeverQuotesTheBody() {
    String body = "<Error><Code>secret-in-body-123</Code>";
    assertThatThrownBy(() -> XmlCodec.xmlTree(bytes(body)))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageNotContaining("secret-in-body-123")
        .hasNoCause();
  }

  @Test
  void refusesABodyWithNoRootElement() {
    assertThatThrownBy(() -> XmlCodec.xmlTree(bytes("<?xml version=\"1.0\"?>")))
        .isInstanceOf(MalformedBodyException.class);
    assertThatThrownBy(() -> XmlCodec.xmlTree(new byte[0]))
        .isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void refusesNestingPastSixtyFourElementsFast() {
    assertThat(
            XmlCodec.xmlTree(bytes("<r>" + "<a>".repeat(63) + "x" + "</a>".repeat(63) + "</r>"))
                .isObject())
        .isTrue();
    for (int depth : new int[] {65, 100_000}) {
      String body = "<r>" + "<a>".repeat(depth) + "</a>".repeat(depth) + "</r>";
      long before = System.nanoTime();
      assertThatThrownBy(() -> XmlCodec.xmlTree(bytes(body)))
          .isInstanceOf(MalformedBodyException.class);
      assertThat(System.nanoTime() - before).as("depth " + depth).isLessThan(5_000_000_000L);
    }
  }

  @Test
  void refusesTextOverAMillionCharacters() {
    String body = "<r><a>" + "x".repeat(1_000_001) + "</a></r>";
    assertThatThrownBy(() -> XmlCodec.xmlTree(bytes(body)))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageNotContaining("xxxx");
  }

  @Test
  void readsAHundredThousandRepeatedElementsInLinearTime() {
    String body = "<r>" + "<K>v</K>".repeat(100_000) + "</r>";
    long before = System.nanoTime();
    assertThat(XmlCodec.xmlTree(bytes(body)).path("K").size()).isEqualTo(100_000);
    assertThat(System.nanoTime() - before).isLessThan(5_000_000_000L);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String everythingIn(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return t + "\n" + out;
  }
}
