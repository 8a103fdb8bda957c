package dev.rekey.core.internal.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.LogCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 item 11: at {@code BODY} the status polls that carry no credential (ONTAP jobs, classic Get
 * Operation Status) are logged with their bodies; the calls that return a credential (the rotation, a
 * follow-up read of the keys) never are.
 */
@WireMockTest
class StatusPollBodiesAreLoggedTest {
  @RegisterExtension final LogCapture logs = new LogCapture();
  private final FakeTime time = new FakeTime();

  private HttpPipeline pipeline() {
    return HttpPipeline.builder(
            ClientOptions.builder()
                .timeSource(time)
                .logLevel(HttpLogLevel.BODY)
                .readTimeout(Duration.ofSeconds(5))
                .build())
        .build();
  }

  private List<String> http() {
    return logs.linesOf("dev.rekey.http");
  }

  @Test
  void logsOntapJobBodies(WireMockRuntimeInfo wm) {
    stubFor(post("/api/security/authentication/password").willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/hal+json").withBody("{\"job\":{\"uuid\":\"j-1\"}}")));
    stubFor(get("/api/cluster/jobs/j-1?fields=state,message,code,error").willReturn(aResponse()
        .withHeader("Content-Type", "application/hal+json").withBody("{\"state\":\"success\",\"message\":\"done\"}")));
    try (HttpPipeline pipeline = pipeline()) {
      var accepted = PollFixtures.begin(pipeline, wm, "/api/security/authentication/password");
      OntapJobs.begin(pipeline, PollFixtures.url(wm, "/"), accepted, r -> "ok").waitForCompletion();
    }
    assertThat(http()).anySatisfy(line -> assertThat(line).contains("/api/cluster/jobs/j-1").contains("\"state\":\"success\""));
    assertThat(http()).filteredOn(line -> line.contains("/api/security/authentication/password"))
        .isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain("\"job\""));
  }

  @Test
  void logsClassicOperationStatusButNotTheKeysReadAfterIt(WireMockRuntimeInfo wm) {
    stubFor(post("/sub-1/services/storageservices/acct/keys").willReturn(aResponse().withStatus(202).withHeader("x-ms-request-id", "op-1")));
    stubFor(get("/sub-1/operations/op-1").willReturn(aResponse().withHeader("Content-Type", "application/xml")
        .withBody("<Operation xmlns=\"http://schemas.microsoft.com/windowsazure\"><ID>op-1</ID><Status>Succeeded</Status>"
            + "<HttpStatusCode>200</HttpStatusCode></Operation>")));
    stubFor(get("/sub-1/services/storageservices/acct/keys").willReturn(okJson("{\"password\":\"key-material-1\"}")));
    try (HttpPipeline pipeline = pipeline()) {
      var accepted = pipeline.send(ApiRequest.post(PollFixtures.url(wm, "/sub-1/services/storageservices/acct/keys"),
          "{}".getBytes(StandardCharsets.UTF_8), "application/json").build());
      var followUp = ApiRequest.get(PollFixtures.url(wm, "/sub-1/services/storageservices/acct/keys")).build();
      String key = AsmPolling.begin(pipeline, PollFixtures.url(wm, ""), "sub-1", accepted, "2014-06-01", followUp,
          PollFixtures.PASSWORD).waitForCompletion();
      assertThat(key).isEqualTo("key-material-1");
    }
    assertThat(http()).anySatisfy(line -> assertThat(line).contains("/sub-1/operations/op-1").contains("<Status>Succeeded</Status>"));
    assertThat(http()).isNotEmpty().noneSatisfy(line -> assertThat(line).contains("key-material-1"));
  }
}
