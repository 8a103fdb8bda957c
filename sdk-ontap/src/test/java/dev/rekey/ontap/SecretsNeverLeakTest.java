package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.Secret;
import dev.rekey.core.test.Canary;
import dev.rekey.core.test.LogCapture;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.testkit.AsyncPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * At BODY log level, neither the admin's nor the new password reaches logs, messages or toString.
 */
class SecretsNeverLeakTest {
  @RegisterExtension final LogCapture logs = new LogCapture();

  private final Canary admin = Canary.named("admin1");
  private final Canary fresh = Canary.named("new1");
  private final Canary own = Canary.named("own1");
  private final OntapFixture fx =
      new OntapFixture(new dev.rekey.testkit.OntapEmulator(admin.value()));

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private OntapClient client(String user, String password) {
    return fx.trusting()
        .options(fx.options(HttpLogLevel.BODY))
        .basic(user, Secret.of(password))
        .build();
  }

  @Test
  void passwordsAreAbsentFromLogsMessagesAndToString() {
    fx.ontap.addClusterUser("cluster_user1", "Old1password", false);
    fx.ontap.addClusterUser("own_user1", "Own1password", false);
    PasswordChangeRequest request =
        PasswordChangeRequest.builder()
            .name("cluster_user1")
            .password(Secret.of(fresh.value()))
            .confirmOutcome(true)
            .build();
    StringBuilder seen = new StringBuilder(request.toString());
    try (OntapClient client = client("admin", admin.value());
        OntapClient self = client("own_user1", "Own1password")) {
      seen.append(client);
      fx.ontap.faults().matching("POST", ".*/password").dropAfterProcessing(1);
      PasswordChangeResult result = client.changePassword(request);
      seen.append(result);
      fx.ontap.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);
      seen.append(self.changeOwnPassword(r -> r.password(Secret.of(own.value()))));
      seen.append(self);
      Throwable refused =
          catchThrowable(
              () ->
                  client.changePassword(
                      PasswordChangeRequest.builder().from(request).confirmOutcome(false).build()));
      assertThat(refused).isInstanceOf(OntapServiceException.class);
      fx.ontap.faults().matching("POST", ".*/password").dropAfterProcessing(1);
      Throwable lost =
          catchThrowable(
              () ->
                  client.changePassword(
                      r -> r.name("cluster_user1").password(Secret.of(fresh.value() + "x"))));
      for (Canary c : new Canary[] {admin, fresh, own}) {
        c.assertAbsentFromThrowable(refused);
        c.assertAbsentFromThrowable(lost);
        c.assertAbsentFrom("toString", seen.toString());
        c.assertAbsentFrom("log", logs.text());
      }
    }
    assertThat(logs.text()).contains("/api/security/authentication/password");
  }
}
