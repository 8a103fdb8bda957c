package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.testkit.OntapAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 13: the login check reads {@code /api/cluster}, which ONTAP refuses (403, code 6)
 * to SVM-scoped accounts with custom roles once their password was accepted. {@code verifyPassword}
 * and the lost-answer confirmation answer right for both kinds of account.
 */
class SvmScopedAccountsLogInTest {
  private static final String PASSWORD_PATH = "/api/security/authentication/password";

  private final OntapFixture fx = new OntapFixture();
  private final OntapClient admin = fx.admin();
  private final OntapAccount svmUser;
  private final OntapAccount clusterUser =
      fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

  SvmScopedAccountsLogInTest() {
    fx.ontap.addSvm("svm1");
    svmUser = fx.ontap.addSvmUser("svm1", "svm_user1", "Old1password");
  }

  @AfterEach
  void tearDown() {
    admin.close();
    fx.close();
  }

  @Test
  void verifiesAnSvmScopedAccountsPasswordThoughItMayNotReadTheCluster() {
    assertThat(admin.verifyPassword(r -> r.name("svm_user1").password(Secret.of("Old1password"))))
        .isTrue();
    assertThat(admin.verifyPassword(r -> r.name("svm_user1").password(Secret.of("Wrong1password"))))
        .isFalse();
  }

  @Test
  void verifiesAClusterAccountsPassword() {
    assertThat(
            admin.verifyPassword(r -> r.name("cluster_user1").password(Secret.of("Old1password"))))
        .isTrue();
    assertThat(
            admin.verifyPassword(
                r -> r.name("cluster_user1").password(Secret.of("Wrong1password"))))
        .isFalse();
  }

  @Test
  void anSvmUsersOwnChangeWhoseAnswerWasLostIsConfirmedByLoggingIn() {
    try (OntapClient own = fx.trusting().basic("svm_user1", Secret.of("Old1password")).build()) {
      fx.ontap.faults().matching("POST", PASSWORD_PATH).dropAfterProcessing(1);

      PasswordChangeResult result =
          own.changeOwnPassword(r -> r.password(Secret.of("New1password")));

      assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
      assertThat(fx.ontap.count("POST", PASSWORD_PATH)).isEqualTo(1);
      assertThat(svmUser.changes()).isEqualTo(1);
    }
  }

  @Test
  void anSvmAccountsLandedChangeWhoseReSendWasLostIsConfirmedByLoggingIn() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).dropAfterProcessing(1).fail(1, 502);

    PasswordChangeResult result =
        admin.changePassword(
            r ->
                r.name("svm_user1")
                    .ownerName("svm1")
                    .password(Secret.of("New1password"))
                    .confirmOutcome(true));

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.EARLIER_ATTEMPT_CONFIRMED_BY_LOGIN);
    assertThat(svmUser.changes()).isEqualTo(1);
  }

  @Test
  void aClusterAccountsChangeThatNeverLandedStaysUnknownWhenTheReSendIsLostToo() {
    fx.ontap.faults().matching("POST", PASSWORD_PATH).fail(2, 502);

    OutcomeUnknownException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            OutcomeUnknownException.class,
            () ->
                admin.changePassword(
                    r ->
                        r.name("cluster_user1")
                            .password(Secret.of("New1password"))
                            .confirmOutcome(true)));

    assertThat(e.attempts()).isEqualTo(2);
    assertThat(clusterUser.changes()).isZero();
  }

  @Test
  void aBearerClientChangesPasswordsOnTheEmulator() {
    try (OntapClient bearer =
        fx.trusting()
            .bearer(
                () ->
                    new dev.rekey.core.auth.AccessToken(
                        Secret.of(
                            fx.ontap.issueBearerToken(fx.ontap.clusterUser("admin").orElseThrow())),
                        java.time.Instant.now().plusSeconds(3600)))
            .build()) {
      bearer.changePassword(
          r -> r.name("svm_user1").ownerName("svm1").password(Secret.of("New1password")));
    }
    assertThat(svmUser.changes()).isEqualTo(1);
  }
}
