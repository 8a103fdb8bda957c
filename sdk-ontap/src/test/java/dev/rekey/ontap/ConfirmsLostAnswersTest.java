package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.testkit.OntapAccount;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A password change is never re-sent blindly. When its answer is lost, the caller either gets
 * {@link OutcomeUnknownException} or, having asked to confirm the outcome, a result saying how it
 * was known.
 */
class ConfirmsLostAnswersTest {
  private static final String PASSWORD_PATH = "/api/security/authentication/password";

  private final OntapFixture fx = new OntapFixture();
  private final OntapClient client = fx.admin();
  private final OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

  @AfterEach
  void tearDown() {
    client.close();
    fx.close();
  }

  private static PasswordChangeRequest.Builder change() {
    return PasswordChangeRequest.builder()
        .name("cluster_user1")
        .password(Secret.of("New1password"));
  }

  @Test
  void withoutConfirmationALostAnswerIsOutcomeUnknownAndNeverResent() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).dropAfterProcessing(1);

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> client.changePassword(change().build()));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(user.changes()).isEqualTo(1);
    assertThat(fx.ontap.count("POST", PASSWORD_PATH)).isEqualTo(1);
  }

  @Test
  void aResentChangeAnsweredSameAsOldMeansTheFirstLanded() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).dropAfterProcessing(1);

    PasswordChangeResult result = client.changePassword(change().confirmOutcome(true).build());

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_SAME_AS_OLD);
    assertThat(result.evidence().afterLostAnswer()).isTrue();
    assertThat(user.changes()).isEqualTo(1);
    assertThat(fx.ontap.count("POST", PASSWORD_PATH)).isEqualTo(2);
  }

  @Test
  void aResentChangeThatIsAcceptedMeansTheFirstDidNotLand() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).dropBeforeProcessing(1);

    PasswordChangeResult result = client.changePassword(change().confirmOutcome(true).build());

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.RESENT_AND_APPLIED);
    assertThat(user.changes()).isEqualTo(1);
    assertThat(user.password()).isEqualTo(Secret.of("New1password"));
  }

  @Test
  void confirmsAsyncToo() throws Exception {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).dropAfterProcessing(1);

    PasswordChangeResult result =
        client.changePasswordAsync(change().confirmOutcome(true).build()).get();

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_SAME_AS_OLD);
    assertThat(user.changes()).isEqualTo(1);
  }

  @Test
  void ownPasswordChangeWhoseAnswerWasLostIsConfirmedByLoggingIn() {
    try (OntapClient own =
        fx.trusting().basic("cluster_user1", Secret.of("Old1password")).build()) {
      fx.ontap.faults().matching("POST", PASSWORD_PATH).dropAfterProcessing(1);

      PasswordChangeResult result =
          own.changeOwnPassword(r -> r.password(Secret.of("New1password")));

      assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
      assertThat(user.changes()).isEqualTo(1);
      assertThat(fx.ontap.count("POST", PASSWORD_PATH)).isEqualTo(1);

      own.changeOwnPassword(r -> r.password(Secret.of("Third3password")));
      assertThat(user.changes()).isEqualTo(2);
      assertThat(lastAuthorization()).isEqualTo(basic("cluster_user1", "New1password"));
    }
  }

  @Test
  void ownPasswordChangeLostBeforeProcessingIsResentWithTheOldPassword() {
    try (OntapClient own =
        fx.trusting().basic("cluster_user1", Secret.of("Old1password")).build()) {
      fx.ontap.faults().matching("POST", PASSWORD_PATH).dropBeforeProcessing(1);

      PasswordChangeResult result =
          own.changeOwnPassword(r -> r.password(Secret.of("New1password")));

      assertThat(result.evidence()).isEqualTo(ChangeEvidence.RESENT_AND_APPLIED);
      assertThat(user.changes()).isEqualTo(1);
      assertThat(lastAuthorization()).isEqualTo(basic("cluster_user1", "Old1password"));
    }
  }

  @Test
  void clientSwitchesToItsNewPasswordAndTheOldOneStopsWorking() {
    try (OntapClient own =
        fx.trusting().basic("cluster_user1", Secret.of("Old1password")).build()) {
      own.changeOwnPassword(r -> r.password(Secret.of("New1password")));
      own.changeOwnPassword(r -> r.password(Secret.of("Third3password")));
    }
    assertThat(user.changes()).isEqualTo(2);
    assertThat(
            client.verifyPassword(r -> r.name("cluster_user1").password(Secret.of("Old1password"))))
        .isFalse();
    assertThat(
            client.verifyPassword(r -> r.name("cluster_user1").password(Secret.of("New1password"))))
        .isFalse();
    assertThat(
            client.verifyPassword(
                r -> r.name("cluster_user1").password(Secret.of("Third3password"))))
        .isTrue();
  }

  @Test
  void changeOwnPasswordNeedsBasicLogin() {
    try (OntapClient bearer =
        fx.trusting()
            .bearer(
                () -> {
                  throw new IllegalStateException("unused");
                })
            .build()) {
      assertThat(
              catchThrowableOfType(
                  IllegalStateException.class,
                  () -> bearer.changeOwnPassword(r -> r.password(Secret.of("x1234567")))))
          .hasMessageContaining("basic");
    }
  }

  private String lastAuthorization() {
    List<RecordedRequest> posts =
        fx.ontap.requests().stream().filter(r -> r.getMethod().equals("POST")).toList();
    return posts.get(posts.size() - 1).getHeaders().get("Authorization");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
