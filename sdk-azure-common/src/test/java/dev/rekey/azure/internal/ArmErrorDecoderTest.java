package dev.rekey.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.core.test.DecoderHarness;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@WireMockTest
class ArmErrorDecoderTest {
  private final ArmErrorDecoder decoder = new ArmErrorDecoder();

  @Test
  void readsWrappedErrorWithNestedDetails(WireMockRuntimeInfo wm) {
    String body =
        """
        {"error":{"code":"InvalidParameter","message":"The expiry is invalid.","target":"expiry",
          "details":[{"code":"PastDate","message":"Expiry is in the past.","target":"expiry",
                      "details":[{"code":"Inner","message":"deeper"}]},
                     {"code":"Other","message":"second"}],
          "additionalInfo":[{"type":"PolicyViolation","info":{"policy":"p1"}}]}}
        """;
    ServiceException e = send(wm, 400, "application/json", body);
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorCode()).hasValue("InvalidParameter");
    assertThat(e.serviceMessage()).hasValue("The expiry is invalid.");
    assertThat(e.target()).hasValue("expiry");
    assertThat(e.requestId()).hasValue("req-42");
    assertThat(e.details())
        .containsExactly(
            new ServiceError.Detail("PastDate", "Expiry is in the past.", "expiry"),
            new ServiceError.Detail("Inner", "deeper", null),
            new ServiceError.Detail("Other", "second", null));
    assertThat(e.getMessage())
        .isEqualTo(
            "HTTP 400 InvalidParameter: The expiry is invalid. (target expiry) [request id req-42]");
  }

  @Test
  void keepsAdditionalInfoTypeAndInfoAsCompactJson(WireMockRuntimeInfo wm) {
    ServiceException e =
        send(
            wm,
            403,
            "application/json",
            "{\"error\":{\"code\":\"RequestDisallowedByPolicy\",\"message\":\"denied\","
                + "\"additionalInfo\":[{\"type\":\"PolicyViolation\",\"info\":{\"policyDefinitionName\":\"no-keys\"}},"
                + "{\"type\":\"Empty\"}]}}");
    assertThat(e.error().additionalInfo())
        .containsExactly(
            new ServiceError.AdditionalInfo(
                "PolicyViolation", "{\"policyDefinitionName\":\"no-keys\"}"),
            new ServiceError.AdditionalInfo("Empty", null));
  }

  @Test
  void readsAnUnwrappedErrorObject(WireMockRuntimeInfo wm) {
    ServiceException e =
        send(
            wm,
            404,
            "application/json; charset=utf-8",
            "{\"code\":\"ResourceNotFound\",\"message\":\"Registry 'r' not found.\"}");
    assertThat(e.isNotFound()).isTrue();
    assertThat(e.errorCode()).hasValue("ResourceNotFound");
    assertThat(e.serviceMessage()).hasValue("Registry 'r' not found.");
    assertThat(e.target()).isEmpty();
    assertThat(e.details()).isEmpty();
  }

  @Test
  void htmlErrorPageFallsBackToStatusAndNeverEchoesTheBody(WireMockRuntimeInfo wm) {
    String html =
        "<html><head><title>502 Bad Gateway</title></head><body>upstream secret-html-canary</body></html>";
    ServiceException e = send(wm, 502, "text/html", html);
    assertThat(e.statusCode()).isEqualTo(502);
    assertThat(e.errorCode()).isEmpty();
    assertThat(e.serviceMessage()).isEmpty();
    assertThat(e.requestId()).hasValue("req-42");
    assertThat(e.getMessage())
        .isEqualTo("HTTP 502 [request id req-42]")
        .doesNotContain("canary", "<html");
  }

  @Test
  void emptyAndShapelessBodiesFallBack(WireMockRuntimeInfo wm) {
    for (String body :
        new String[] {"", "[]", "\"oops\"", "{\"error\":{}}", "{\"error\":\"x\"}", "null", "{"}) {
      ServiceException e = send(wm, 500, "application/json", body);
      assertThat(e.error()).as(body).isEqualTo(ServiceError.ofStatus(500, "req-42"));
    }
  }

  @Test
  void codeMayBeANumberAndFieldsMayBeCapitalised(WireMockRuntimeInfo wm) {
    ServiceException e =
        send(wm, 409, "application/json", "{\"error\":{\"Code\":409,\"Message\":\"Conflict\"}}");
    assertThat(e.errorCode()).hasValue("409");
    assertThat(e.serviceMessage()).hasValue("Conflict");
  }

  @Test
  void capitalisedWrapperAndDetailsAreReadToo(WireMockRuntimeInfo wm) {
    ServiceException e =
        send(
            wm,
            400,
            "application/json",
            "{\"Error\":{\"Code\":\"BadRequest\",\"Message\":\"m\","
                + "\"Details\":[{\"Code\":\"InvalidName\",\"Message\":\"d\",\"Target\":\"name\"}]}}");
    assertThat(e.errorCode()).hasValue("BadRequest");
    assertThat(e.details()).containsExactly(new ServiceError.Detail("InvalidName", "d", "name"));
  }

  @Test
  void keyVaultsInnerErrorCodesAreKeptAsDetails(WireMockRuntimeInfo wm) {
    ServiceException e =
        send(
            wm,
            409,
            "application/json",
            "{\"error\":{\"code\":\"Conflict\",\"message\":\"Secret s is currently in a deleted but"
                + " recoverable state\",\"innererror\":{\"code\":\"ObjectIsDeletedButRecoverable\"}}}");
    assertThat(e.errorCode()).hasValue("Conflict");
    assertThat(e.details())
        .containsExactly(new ServiceError.Detail("ObjectIsDeletedButRecoverable", null, null));
  }

  @Test
  void messageIsSanitisedAndCapped(WireMockRuntimeInfo wm) {
    String evil = "line1\\r\\nFAKE LOG LINE\\u0000\\u001b[31m\\u202e" + "x".repeat(2_000);
    ServiceException e =
        send(
            wm,
            400,
            "application/json",
            "{\"error\":{\"code\":\"Bad\",\"message\":\"" + evil + "\"}}");
    String message = e.serviceMessage().orElseThrow();
    assertThat(message).startsWith("line1 FAKE LOG LINE[31mxxx").endsWith("…").hasSize(501);
    assertThat(message.chars()).noneMatch(c -> Character.isISOControl(c) || c == 0x202e);
    assertThat(e.getMessage()).doesNotContain("\n", "\r");
  }

  private ServiceException send(WireMockRuntimeInfo wm, int status, String type, String body) {
    return DecoderHarness.thrownFor(
        wm, decoder, status, type, body.getBytes(StandardCharsets.UTF_8));
  }
}
