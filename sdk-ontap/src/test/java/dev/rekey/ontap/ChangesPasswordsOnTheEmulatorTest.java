package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.Secret;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.ontap.model.PasswordHashAlgorithm;
import dev.rekey.testkit.OntapAccount;
import dev.rekey.testkit.OntapEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Password changes over real HTTPS against the stateful emulator: 201, owners, SVM targeting,
 * async.
 */
class ChangesPasswordsOnTheEmulatorTest {
  private final OntapFixture fx = new OntapFixture();
  private final OntapClient client = fx.admin();

  @AfterEach
  void tearDown() {
    client.close();
    fx.close();
  }

  @Test
  void changesClusterUserPasswordAndTheOldOneStopsWorking() {
    OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

    PasswordChangeResult result =
        client.changePassword(r -> r.name("cluster_user1").password(Secret.of("New1password")));

    assertThat(result.accountName()).isEqualTo("cluster_user1");
    assertThat(result.owner()).isEmpty();
    assertThat(result.evidence()).isEqualTo(ChangeEvidence.CREATED);
    assertThat(result.location())
        .contains("/api/security/accounts/" + OntapEmulator.CLUSTER_UUID + "/cluster_user1");
    assertThat(user.changes()).isEqualTo(1);
    assertThat(user.hashAlgorithm()).isEqualTo("sha512");
    assertThat(
            client.verifyPassword(r -> r.name("cluster_user1").password(Secret.of("Old1password"))))
        .isFalse();
    assertThat(
            client.verifyPassword(r -> r.name("cluster_user1").password(Secret.of("New1password"))))
        .isTrue();
  }

  @Test
  void changesSvmUserNamedByOwnerName() {
    fx.ontap.addSvm("svm1");
    OntapAccount user = fx.ontap.addSvmUser("svm1", "svm_user1", "Old1password");

    PasswordChangeResult result =
        client.changePassword(
            r -> r.name("svm_user1").ownerName("svm1").password(Secret.of("New1password")));

    assertThat(result.owner()).contains("svm1");
    assertThat(user.password()).isEqualTo(Secret.of("New1password"));
  }

  @Test
  void changesSvmUserNamedByOwnerUuid() {
    String uuid = fx.ontap.addSvm("svm1");
    OntapAccount user = fx.ontap.addSvmUser("svm1", "svm_user1", "Old1password");

    PasswordChangeResult result =
        client.changePassword(
            r -> r.name("svm_user1").ownerUuid(uuid).password(Secret.of("New1password")));

    assertThat(result.owner()).contains(uuid);
    assertThat(user.changes()).isEqualTo(1);
  }

  @Test
  void targetsAnSvmThroughTheSvmNameHeader() {
    fx.ontap.addSvm("svm1");
    OntapAccount user = fx.ontap.addSvmUser("svm1", "svm_user1", "Old1password");

    client.changePassword(
        r -> r.name("svm_user1").targetSvmName("svm1").password(Secret.of("New1password")));

    assertThat(user.changes()).isEqualTo(1);
    assertThat(fx.ontap.requests().get(0).getHeaders().get("X-Dot-SVM-Name")).isEqualTo("svm1");
  }

  @Test
  void setsTheRequestedHashAlgorithm() {
    OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

    client.changePassword(
        r ->
            r.name("cluster_user1")
                .password(Secret.of("New1password"))
                .passwordHashAlgorithm(PasswordHashAlgorithm.SHA256));

    assertThat(user.hashAlgorithm()).isEqualTo("sha256");
  }

  @Test
  void reportsAnUnknownAccountAsEntryDoesNotExist() {
    OntapServiceException e =
        catchThrowableOfType(
            OntapServiceException.class,
            () -> client.changePassword(r -> r.name("nobody").password(Secret.of("New1password"))));

    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.ontapErrorCode()).contains(OntapErrorCode.ENTRY_DOES_NOT_EXIST);
    assertThat(e.isPasswordPolicyViolation()).isFalse();
  }

  @Test
  void reportsAWrongAdminPasswordAsAuthenticationFailure() {
    fx.ontap.addClusterUser("cluster_user1", "Old1password", false);
    try (OntapClient wrong = fx.trusting().basic("admin", Secret.of("not-the-password")).build()) {
      OntapServiceException e =
          catchThrowableOfType(
              OntapServiceException.class,
              () ->
                  wrong.changePassword(
                      r -> r.name("cluster_user1").password(Secret.of("New1password"))));
      assertThat(e.isAuthenticationFailure()).isTrue();
    }
    assertThat(fx.ontap.clusterUser("cluster_user1").orElseThrow().changes()).isZero();
  }

  @Test
  void asyncFormChangesThePassword() throws Exception {
    OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

    PasswordChangeResult result =
        client
            .changePasswordAsync(
                dev.rekey.ontap.model.PasswordChangeRequest.builder()
                    .name("cluster_user1")
                    .password(Secret.of("New1password"))
                    .build())
            .get();

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.CREATED);
    assertThat(user.changes()).isEqualTo(1);
  }

  @Test
  void sendsOnlyOneChangePerCall() {
    fx.ontap.addClusterUser("cluster_user1", "Old1password", false);

    client.changePassword(r -> r.name("cluster_user1").password(Secret.of("New1password")));

    assertThat(fx.ontap.count("POST", "/api/security/authentication/password")).isEqualTo(1);
  }

  @Test
  void retriesAThrottledChangeOnceTheClusterSaysItDidNotProcessIt() {
    OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);
    fx.ontap
        .faults()
        .matching("POST", "/api/security/authentication/password")
        .throttle(1, java.time.Duration.ZERO);

    client.changePassword(r -> r.name("cluster_user1").password(Secret.of("New1password")));

    assertThat(fx.ontap.count("POST", "/api/security/authentication/password")).isEqualTo(2);
    assertThat(user.changes()).isEqualTo(1);
  }

  @Test
  void aServerErrorIsAnUnknownOutcomeThatConfirmationResolves() {
    OntapAccount user = fx.ontap.addClusterUser("cluster_user1", "Old1password", false);
    fx.ontap.faults().matching("POST", "/api/security/authentication/password").fail(1, 500);

    assertThat(
            catchThrowableOfType(
                    dev.rekey.core.OutcomeUnknownException.class,
                    () ->
                        client.changePassword(
                            r -> r.name("cluster_user1").password(Secret.of("New1password"))))
                .getCause())
        .isInstanceOf(OntapServiceException.class);
    fx.ontap.faults().matching("POST", "/api/security/authentication/password").fail(1, 500);
    PasswordChangeResult result =
        client.changePassword(
            r -> r.name("cluster_user1").password(Secret.of("New1password")).confirmOutcome(true));

    assertThat(result.evidence()).isEqualTo(ChangeEvidence.RESENT_AND_APPLIED);
    assertThat(user.changes()).isEqualTo(1);
  }
}
