package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.Secret;
import dev.rekey.core.test.LogCapture;
import dev.rekey.testkit.AsyncPlan;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13 item 11: at {@code BODY} the bodies of calls that carry no credential (the login check,
 * job polls) are logged, as README says; the password change's own bodies never are.
 */
class BodyLoggingShowsOnlyCallsWithoutCredentialsTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private final OntapFixture fx = new OntapFixture();

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private List<String> http() {
    return logs.linesOf("dev.rekey.http");
  }

  @Test
  void logsTheLoginChecksAnswer() {
    try (OntapClient client =
        fx.trusting()
            .options(fx.options(HttpLogLevel.BODY))
            .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
            .build()) {
      assertThat(
              client.verifyPassword(
                  r -> r.name("admin").password(Secret.of(OntapFixture.ADMIN_PASSWORD))))
          .isTrue();
    }
    assertThat(http())
        .anySatisfy(line -> assertThat(line).contains("/api/cluster").contains("emulated-cluster"));
  }

  @Test
  void logsJobPollAnswersButNotThePasswordChange() {
    fx.ontap.addClusterUser("cluster_user1", "Old1password", false);
    fx.ontap.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);
    try (OntapClient client =
        fx.trusting()
            .options(fx.options(HttpLogLevel.BODY))
            .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
            .build()) {
      client.changePassword(r -> r.name("cluster_user1").password(Secret.of("New1password")));
    }
    assertThat(http())
        .anySatisfy(
            line ->
                assertThat(line).contains("/api/cluster/jobs/").contains("\"state\":\"running\""));
    assertThat(http())
        .anySatisfy(
            line ->
                assertThat(line).contains("/api/cluster/jobs/").contains("\"state\":\"success\""));
    assertThat(http())
        .filteredOn(line -> line.contains("/api/security/authentication/password"))
        .isNotEmpty()
        .allSatisfy(
            line -> assertThat(line).doesNotContain("New1password").doesNotContain("\"job\""));
  }

  @Test
  void headersLevelLogsNoBodyAtAll() {
    try (OntapClient client =
        fx.trusting()
            .options(fx.options(HttpLogLevel.HEADERS))
            .basic("admin", Secret.of(OntapFixture.ADMIN_PASSWORD))
            .build()) {
      client.verifyPassword(r -> r.name("admin").password(Secret.of(OntapFixture.ADMIN_PASSWORD)));
    }
    assertThat(http())
        .isNotEmpty()
        .noneSatisfy(line -> assertThat(line).contains("emulated-cluster"));
  }
}
