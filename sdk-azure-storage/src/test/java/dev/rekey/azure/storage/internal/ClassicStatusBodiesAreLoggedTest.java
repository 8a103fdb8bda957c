package dev.rekey.azure.storage.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.LogCapture;
import dev.rekey.core.test.PollFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 item 11: at {@code BODY} classic Get Operation Status polls, which carry no credential,
 * are logged with their bodies; the follow-up read of the keys never is.
 */
@WireMockTest
class ClassicStatusBodiesAreLoggedTest {
  @RegisterExtension final LogCapture logs = new LogCapture();
  private final FakeTime time = new FakeTime();

  @Test
  void logsClassicOperationStatusButNotTheKeysReadAfterIt(WireMockRuntimeInfo wm) {
    stubFor(
        post("/sub-1/services/storageservices/acct/keys")
            .willReturn(aResponse().withStatus(202).withHeader("x-ms-request-id", "op-1")));
    stubFor(
        get("/sub-1/operations/op-1")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/xml")
                    .withBody(
                        "<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>op-1</ID><Status>Succeeded</Status>"
                            + "<HttpStatusCode>200</HttpStatusCode></Operation>")));
    stubFor(
        get("/sub-1/services/storageservices/acct/keys")
            .willReturn(okJson("{\"password\":\"key-material-1\"}")));
    try (HttpPipeline pipeline = PollFixtures.bodyLoggingPipeline(time)) {
      var accepted =
          pipeline.send(
              ApiRequest.post(
                      PollFixtures.url(wm, "/sub-1/services/storageservices/acct/keys"),
                      "{}".getBytes(StandardCharsets.UTF_8),
                      "application/json")
                  .build());
      var followUp =
          ApiRequest.get(PollFixtures.url(wm, "/sub-1/services/storageservices/acct/keys")).build();
      String key =
          AsmPolling.begin(
                  pipeline,
                  PollFixtures.url(wm, ""),
                  "sub-1",
                  accepted,
                  "2014-06-01",
                  followUp,
                  PollFixtures.PASSWORD)
              .waitForCompletion();
      assertThat(key).isEqualTo("key-material-1");
    }
    assertThat(logs.linesOf("dev.rekey.http"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("/sub-1/operations/op-1")
                    .contains("<Status>Succeeded</Status>"));
    assertThat(logs.linesOf("dev.rekey.http"))
        .isNotEmpty()
        .noneSatisfy(line -> assertThat(line).contains("key-material-1"));
  }
}
