package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.core.poll.Operation;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.OntapAccount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 202 answer is a job: followed to success, failure, or a job ONTAP already deleted; the job of
 * the client's own change is followed with the new password once it refuses the old one.
 */
class FollowsJobsTest {
  private static final String OLD = basic("cluster_user1", "Old1password");
  private static final String NEW = basic("cluster_user1", "New1password");

  private final OntapFixture fx = new OntapFixture();
  private final OntapClient client = fx.admin();
  private final OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);
  private final PasswordChangeRequest request =
      PasswordChangeRequest.builder()
          .name("cluster_user1")
          .password(Secret.of("New1password"))
          .build();

  @AfterEach
  void tearDown() {
    client.close();
    fx.close();
  }

  private OntapClient ownClient() {
    return fx.trusting().basic("cluster_user1", Secret.of("Old1password")).build();
  }

  /** Returns the login of every job poll, in order. */
  private List<String> jobPollLogins() {
    return fx.ontap.requests().stream()
        .filter(r -> r.getUrl().encodedPath().startsWith("/api/cluster/jobs/"))
        .map(r -> r.getHeaders().get("Authorization"))
        .toList();
  }

  private String lastLogin() {
    List<RecordedRequest> all = fx.ontap.requests();
    return all.get(all.size() - 1).getHeaders().get("Authorization");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void followsAJobToSuccess() {
    fx.ontap.faults().planNextOperation(2, AsyncPlan.Outcome.SUCCEEDED);

    Operation<PasswordChangeResult> op = client.beginChangePassword(request);
    assertThat(op.id()).isNotBlank();
    assertThat(user.changes()).isZero();
    PasswordChangeResult result = op.waitForCompletion();

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.JOB_SUCCEEDED);
    assertThat(result.jobUuid()).contains(op.id());
    assertThat(user.changes()).isEqualTo(1);
    assertThat(fx.ontap.count("GET", "/api/cluster/jobs/.*")).isEqualTo(3);
    assertThat(fx.ontap.requests().get(1).getUrl().query()).isNull();
  }

  /** The password endpoint exists since 9.6; a job record has no {@code error} before 9.9. */
  @ParameterizedTest(name = "ONTAP 9.{0}")
  @ValueSource(ints = {6, 8})
  void followsAJobOnReleasesWhoseJobRecordHasNoErrorField(int major) {
    fx.ontap.release(9, major, 0);
    fx.ontap.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);

    PasswordChangeResult result = client.changePassword(request);

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.JOB_SUCCEEDED);
    assertThat(user.changes()).isEqualTo(1);
    assertThat(fx.ontap.count("GET", "/api/cluster/jobs/.*")).isEqualTo(2);
  }

  @Test
  void aFailedJobOnOntap98KeepsItsCode() {
    fx.ontap.release(9, 8, 0);
    fx.ontap.faults().planNextOperation(0, AsyncPlan.Outcome.FAILED);

    OperationFailedException e =
        catchThrowableOfType(OperationFailedException.class, () -> client.changePassword(request));

    assertThat(e.errorCode()).contains("7077800");
    assertThat(e.getMessage()).contains("The emulated job failed");
    assertThat(fx.ontap.count("GET", "/api/cluster/jobs/.*")).isEqualTo(1);
  }

  @Test
  void followsAJobToSuccessAsync() throws Exception {
    fx.ontap.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);

    PasswordChangeResult result = client.changePasswordAsync(request).get();

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.JOB_SUCCEEDED);
    assertThat(user.changes()).isEqualTo(1);
  }

  @Test
  void aFailedJobKeepsItsCodeAndMessage() {
    fx.ontap.faults().planNextOperation(1, AsyncPlan.Outcome.FAILED);

    OperationFailedException e =
        catchThrowableOfType(OperationFailedException.class, () -> client.changePassword(request));

    assertThat(e.status()).isEqualTo("failure");
    assertThat(e.errorCode()).contains("7077800");
    assertThat(e.getMessage()).contains("The emulated job failed");
    assertThat(user.changes()).isZero();
  }

  @Test
  void anOwnChangesJobIsFollowedWithTheNewPasswordOnceItRefusesTheOldOne() {
    try (OntapClient own = ownClient()) {
      fx.ontap.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);

      PasswordChangeResult result =
          own.changeOwnPassword(r -> r.password(Secret.of("New1password")));

      assertThat(result.evidence()).isEqualTo(ChangeEvidence.JOB_SUCCEEDED);
      assertThat(jobPollLogins()).containsExactly(OLD, OLD, NEW);
      own.changeOwnPassword(r -> r.password(Secret.of("Third3password")));
      assertThat(lastLogin()).isEqualTo(NEW);
      assertThat(user.changes()).isEqualTo(2);
    }
  }

  @Test
  void anOwnChangesJobIsFollowedWithTheNewPasswordAsyncToo() throws Exception {
    try (OntapClient own = ownClient()) {
      fx.ontap.faults().planNextOperation(0, AsyncPlan.Outcome.SUCCEEDED);

      PasswordChangeResult result =
          own.changeOwnPasswordAsync(r -> r.password(Secret.of("New1password"))).get();

      assertThat(result.evidence()).isEqualTo(ChangeEvidence.JOB_SUCCEEDED);
      assertThat(jobPollLogins()).containsExactly(OLD, NEW);
      own.changeOwnPassword(r -> r.password(Secret.of("Third3password")));
      assertThat(lastLogin()).isEqualTo(NEW);
    }
  }

  @Test
  void anOwnChangesJobRefusingBothPasswordsIsOutcomeUnknownAndKeepsTheOldOne() {
    try (OntapClient own = ownClient()) {
      fx.ontap.faults().planNextOperation(5, AsyncPlan.Outcome.SUCCEEDED);
      fx.ontap.faults().matching("GET", "/api/cluster/jobs/.*").unauthorized(2);

      OutcomeUnknownException e =
          catchThrowableOfType(
              OutcomeUnknownException.class,
              () -> own.changeOwnPassword(r -> r.password(Secret.of("New1password"))));

      assertThat(e.attempts()).isEqualTo(1);
      assertThat(jobPollLogins()).containsExactly(OLD, NEW);
      own.changeOwnPassword(r -> r.password(Secret.of("Third3password")));
      assertThat(lastLogin()).isEqualTo(OLD);
    }
  }

  @Test
  void aJobDeletedBeforeItWasSeenFinishingIsItsOwnClearError() {
    fx.ontap.faults().planNextOperation(3, AsyncPlan.Outcome.SUCCEEDED);
    Operation<PasswordChangeResult> op = client.beginChangePassword(request);
    fx.ontap.expireJobs();

    OutcomeUnknownException e =
        catchThrowableOfType(OutcomeUnknownException.class, op::waitForCompletion);

    assertThat(((ServiceException) e.getCause()).statusCode()).isEqualTo(404);
    assertThat(e.getMessage()).contains(op.id()).contains("deletes finished jobs");
  }
}
