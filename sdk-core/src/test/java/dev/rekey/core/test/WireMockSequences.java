package dev.rekey.core.test;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.UUID;

/** Stubs a WireMock endpoint that answers with a sequence of responses, the last one repeating. */
public final class WireMockSequences {
  private WireMockSequences() {}

  /**
   * Makes {@code method path} answer the {@code i}-th request with {@code responses[i]}, and every
   * request after the last with the last response. Uses the static WireMock client of the test.
   */
  public static void respondInOrder(
      String method, String path, ResponseDefinitionBuilder... responses) {
    String scenario = "seq-" + UUID.randomUUID();
    for (int i = 0; i < responses.length; i++) {
      var mapping =
          request(method, urlPathEqualTo(path))
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i);
      if (i < responses.length - 1) {
        mapping = mapping.willSetStateTo("step-" + (i + 1));
      }
      stubFor(mapping.willReturn(responses[i]));
    }
  }
}
