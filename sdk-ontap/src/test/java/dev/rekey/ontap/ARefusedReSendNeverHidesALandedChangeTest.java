package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.testkit.OntapAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 items 4 and 7 on the emulator: after a lost answer, a confirming re-send that is refused
 * (401, an unreadable 400, another gateway error) is settled by logging in with the new password,
 * or ends in {@link OutcomeUnknownException} counting every POST sent; it never reads as "not
 * changed" while the change landed.
 */
class ARefusedReSendNeverHidesALandedChangeTest {
  private static final String PASSWORD_PATH = "/api/security/authentication/password";

  private final OntapFixture fx = new OntapFixture();
  private final OntapClient admin = fx.admin();
  private final OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

  @AfterEach
  void tearDown() {
    admin.close();
    fx.close();
  }

  private static PasswordChangeRequest confirmed() {
    return PasswordChangeRequest.builder()
        .name("cluster_user1")
        .password(Secret.of("New1password"))
        .confirmOutcome(true)
        .build();
  }

  @Test
  void twoGatewayErrorsAreOutcomeUnknownAfterTwoAttempts() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).fail(2, 502);

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> admin.changePassword(confirmed()));

    assertThat(fx.ontap.count("POST", PASSWORD_PATH)).isEqualTo(2);
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.getMessage()).contains("sent 2 time(s)").doesNotContain("1 attempt");
    assertThat(user.changes()).isZero();
  }

  @Test
  void twoGatewayErrorsAreCountedAsyncToo() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).fail(2, 504);

    Throwable failure =
        admin.changePasswordAsync(confirmed()).handle((r, e) -> e.getCause()).join();

    assertThat(failure).isInstanceOf(OutcomeUnknownException.class);
    assertThat(((OutcomeUnknownException) failure).attempts()).isEqualTo(2);
    assertThat(fx.ontap.count("POST", PASSWORD_PATH)).isEqualTo(2);
  }

  @Test
  void aJobLostAfterAThrottledSendCountsBothSends() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).throttle(1, java.time.Duration.ZERO);
    fx.ontap.faults().loseNextOperation();

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class,
            () ->
                admin.changePassword(
                    r -> r.name("cluster_user1").password(Secret.of("New1password"))));

    assertThat(fx.ontap.count("POST", PASSWORD_PATH)).isEqualTo(2);
    assertThat(e.attempts()).isEqualTo(2);
  }

  @Test
  void aLandedChangeWhoseReSendIsAnswered401IsConfirmedByLoggingIn() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).dropAfterProcessing(1).unauthorized(1);

    PasswordChangeResult result = admin.changePassword(confirmed());

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
    assertThat(user.changes()).isEqualTo(1);
    assertThat(user.password()).isEqualTo(Secret.of("New1password"));
  }

  @Test
  void aLandedChangeWhoseReSendGetsAnUnreadable400IsConfirmedByLoggingIn() {
    fx.ontap
        .faults()
        .matching("POST", PASSWORD_PATH)
        .dropAfterProcessing(1)
        .answerInstead(1, 400, "text/html", "<html><body>Bad Request</body></html>");

    PasswordChangeResult result = admin.changePassword(confirmed());

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
    assertThat(user.changes()).isEqualTo(1);
  }

  @Test
  void anUnreadable400WhenNothingLandedIsOutcomeUnknownNotNotChanged() {
    fx.ontap
        .faults()
        .matching("POST", PASSWORD_PATH)
        .fail(1, 502)
        .answerInstead(1, 400, "text/html", "<html><body>Bad Request</body></html>");

    OutcomeUnknownException e =
        catchThrowableOfType(
            OutcomeUnknownException.class, () -> admin.changePassword(confirmed()));

    assertThat(e.attempts()).isEqualTo(2);
    assertThat(user.changes()).isZero();
  }

  @Test
  void ownChangeThatLandedWhoseReSendIsRefusedWithTheOldPasswordIsConfirmed() {
    try (OntapClient own =
        fx.trusting().basic("cluster_user1", Secret.of("Old1password")).build()) {
      fx.ontap.faults().matching("POST", PASSWORD_PATH).dropAfterProcessing(1);
      fx.ontap
          .faults()
          .matching("GET", "/api/cluster")
          .unauthorized(1); // the first login check misses

      PasswordChangeResult result =
          own.changeOwnPassword(r -> r.password(Secret.of("New1password")));

      assertThat(fx.ontap.count("POST", PASSWORD_PATH))
          .isEqualTo(2); // the re-send got 401: old password
      assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
      assertThat(user.changes()).isEqualTo(1);
      assertThat(
              own.verifyPassword(r -> r.name("cluster_user1").password(Secret.of("New1password"))))
          .isTrue();
    }
  }

  @Test
  void aReadableRefusalOfTheReSendIsTheAnswerWhenTheNewPasswordDoesNotLogIn() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).dropBeforeProcessing(1).fail(1, 400);

    OntapServiceException e =
        catchThrowableOfType(OntapServiceException.class, () -> admin.changePassword(confirmed()));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(OutcomeUnknownException.class);
    assertThat(user.changes()).isZero();
  }
}
