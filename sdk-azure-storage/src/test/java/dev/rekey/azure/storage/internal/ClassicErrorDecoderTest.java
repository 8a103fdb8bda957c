package dev.rekey.azure.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.core.test.DecoderHarness;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@WireMockTest
class ClassicErrorDecoderTest {
  private static final String INNER =
      "<Code>ResourceNotFound</Code><Message>The storage account 'acct' was not found.</Message>";

  private final ClassicErrorDecoder decoder = new ClassicErrorDecoder();

  @Test
  void readsTheErrorWhateverTheNamespaceDeclarationOrBom(WireMockRuntimeInfo wm) {
    List<byte[]> bodies =
        List.of(
            utf8(
                "<Error xmlns=\"http://schemas.microsoft.com/windowsazure\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
                    + INNER
                    + "</Error>"),
            utf8(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error xmlns=\"https://schemas.microsoft.com/windowsazure\">"
                    + INNER
                    + "</Error>"),
            utf8("<Error>" + INNER + "<ExtendedCode>x</ExtendedCode></Error>"),
            withBom(
                "<Error xmlns=\"http://schemas.microsoft.com/windowsazure\">"
                    + INNER
                    + "</Error>"));
    for (byte[] body : bodies) {
      ServiceException e =
          DecoderHarness.thrownFor(wm, decoder, 404, "application/xml; charset=utf-8", body);
      assertThat(e.statusCode()).isEqualTo(404);
      assertThat(e.errorCode()).hasValue("ResourceNotFound");
      assertThat(e.serviceMessage()).hasValue("The storage account 'acct' was not found.");
      assertThat(e.target()).isEmpty();
      assertThat(e.details()).isEmpty();
      assertThat(e.requestId()).hasValue("req-42");
    }
  }

  @Test
  void htmlErrorPageFallsBackToStatusAndNeverEchoesTheBody(WireMockRuntimeInfo wm) {
    String html =
        "<!DOCTYPE html><html><body><h1>Service Unavailable</h1><p>canary-asm-html</p></body></html>";
    ServiceException e = DecoderHarness.thrownFor(wm, decoder, 503, "text/html", utf8(html));
    assertThat(e.error()).isEqualTo(ServiceError.ofStatus(503, "req-42"));
    assertThat(e.getMessage()).isEqualTo("HTTP 503 [request id req-42]").doesNotContain("canary");
  }

  @Test
  void xhtmlWithoutDoctypeAndEmptyOrJsonBodiesFallBack(WireMockRuntimeInfo wm) {
    for (String body :
        new String[] {"<html><body><p>canary</p></body></html>", "", "{\"error\":{}}", "<Error>"}) {
      ServiceException e = DecoderHarness.thrownFor(wm, decoder, 400, "text/plain", utf8(body));
      assertThat(e.error()).as(body).isEqualTo(ServiceError.ofStatus(400, "req-42"));
    }
  }

  @Test
  void refusesAnEntityBearingErrorBody(WireMockRuntimeInfo wm) {
    String body =
        "<!DOCTYPE Error [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Error><Code>&x;</Code></Error>";
    ServiceException e = DecoderHarness.thrownFor(wm, decoder, 400, "application/xml", utf8(body));
    assertThat(e.error()).isEqualTo(ServiceError.ofStatus(400, "req-42"));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] withBom(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    out.writeBytes(utf8(s));
    return out.toByteArray();
  }
}
