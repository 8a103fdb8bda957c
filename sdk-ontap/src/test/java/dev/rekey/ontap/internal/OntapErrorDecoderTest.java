package dev.rekey.ontap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.core.test.DecoderHarness;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@WireMockTest
class OntapErrorDecoderTest {
  private final OntapErrorDecoder decoder = new OntapErrorDecoder();

  @Test
  void readsCodeMessageTargetAndArguments(WireMockRuntimeInfo wm) {
    String body =
        """
        {"error":{"message":"The minimum length for new password does not meet the policy.",
          "code":"7077919","target":"password",
          "arguments":[{"code":"min_length","message":"8"},{"code":"actual","message":"5"}]}}
        """;
    ServiceException e = send(wm, 400, body);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorCode()).hasValue("7077919");
    assertThat(e.serviceMessage())
        .hasValue("The minimum length for new password does not meet the policy.");
    assertThat(e.target()).hasValue("password");
    assertThat(e.details())
        .containsExactly(
            new ServiceError.Detail("min_length", "8", null),
            new ServiceError.Detail("actual", "5", null));
    assertThat(e.requestId()).hasValue("req-42");
  }

  @Test
  void acceptsANumericCodeAndASingleArgumentObject(WireMockRuntimeInfo wm) {
    ServiceException e =
        send(
            wm,
            404,
            "{\"error\":{\"arguments\":{\"code\":\"c\",\"message\":\"m\"},\"code\":4,\"message\":\"entry doesn't exist\",\"target\":\"uuid\"}}");
    assertThat(e.errorCode()).hasValue("4");
    assertThat(e.serviceMessage()).hasValue("entry doesn't exist");
    assertThat(e.target()).hasValue("uuid");
    assertThat(e.details()).containsExactly(new ServiceError.Detail("c", "m", null));
  }

  @Test
  void htmlErrorPageFallsBackToStatusAndNeverEchoesTheBody(WireMockRuntimeInfo wm) {
    ServiceException e =
        send(wm, 500, "<html><body>Internal Server Error canary-ontap</body></html>");
    assertThat(e.error()).isEqualTo(ServiceError.ofStatus(500, "req-42"));
    assertThat(e.getMessage()).doesNotContain("canary", "<html");
  }

  @Test
  void shapelessBodiesFallBack(WireMockRuntimeInfo wm) {
    for (String body :
        new String[] {
          "",
          "{}",
          "{\"code\":\"1\",\"message\":\"unwrapped\"}",
          "{\"error\":[]}",
          "{\"error\":{\"arguments\":[]}}"
        }) {
      assertThat(send(wm, 400, body).error())
          .as(body)
          .isEqualTo(ServiceError.ofStatus(400, "req-42"));
    }
  }

  private ServiceException send(WireMockRuntimeInfo wm, int status, String body) {
    return DecoderHarness.thrownFor(
        wm, decoder, status, "application/hal+json", body.getBytes(StandardCharsets.UTF_8));
  }
}
