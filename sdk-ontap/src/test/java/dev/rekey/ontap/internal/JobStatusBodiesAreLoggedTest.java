package dev.rekey.ontap.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.test.FakeTime;
import dev.rekey.core.test.LogCapture;
import dev.rekey.core.test.PollFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 item 11: at {@code BODY} ONTAP's job polls, which carry no credential, are logged with
 * their bodies; the rotation that started the job never is.
 */
@WireMockTest
class JobStatusBodiesAreLoggedTest {
  @RegisterExtension final LogCapture logs = new LogCapture();
  private final FakeTime time = new FakeTime();

  @Test
  void logsOntapJobBodies(WireMockRuntimeInfo wm) {
    stubFor(
        post("/api/security/authentication/password")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody("{\"job\":{\"uuid\":\"j-1\"}}")));
    stubFor(
        get("/api/cluster/jobs/j-1")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody("{\"state\":\"success\",\"message\":\"done\"}")));
    try (HttpPipeline pipeline = PollFixtures.bodyLoggingPipeline(time)) {
      var accepted = PollFixtures.begin(pipeline, wm, "/api/security/authentication/password");
      JobPolling.begin(pipeline, PollFixtures.url(wm, "/"), accepted, r -> "ok")
          .waitForCompletion();
    }
    assertThat(logs.linesOf("dev.rekey.http"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("/api/cluster/jobs/j-1")
                    .contains("\"state\":\"success\""));
    assertThat(logs.linesOf("dev.rekey.http"))
        .filteredOn(line -> line.contains("/api/security/authentication/password"))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).doesNotContain("\"job\""));
  }
}
