package dev.rekey.examples;

import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.testkit.OntapEmulator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Changes an ONTAP user's password and shows that the old password no longer logs in. It never
 * prints a password.
 *
 * <p>By default it runs against the ONTAP emulator from sdk-testkit. To use a real cluster, set
 * {@code ONTAP_ADDRESS} (e.g. {@code https://cluster1.example.com}), {@code ONTAP_USER}, {@code
 * ONTAP_PASSWORD}, {@code ONTAP_TARGET_USER}, {@code ONTAP_NEW_PASSWORD} and, for a cluster with a
 * self-signed certificate, {@code ONTAP_CA_FILE} (the PEM certificate to trust). When the target
 * user is {@code ONTAP_USER} itself, the client changes its own password and keeps working with the
 * new one.
 */
public final class OntapChangePassword {
  private OntapChangePassword() {}

  /** Runs the example. */
  public static void main(String[] args) {
    RealTargets real = RealTargets.fromEnvironment();
    if (real.get("ONTAP_ADDRESS") == null) {
      runOnEmulator();
    } else {
      if (!real.configured("ontap")) {
        throw new IllegalArgumentException(
            String.join(", ", real.missing("ontap")) + " must be set when ONTAP_ADDRESS is");
      }
      try (OntapClient ontap = real.ontap()) {
        System.out.println(changeOnCluster(ontap, real));
      }
    }
  }

  private static void runOnEmulator() {
    String adminPassword = generatedPassword();
    String oldPassword = generatedPassword();
    Secret newPassword = Secret.of(generatedPassword());
    try (OntapEmulator emulator = new OntapEmulator(adminPassword)) {
      emulator.start();
      emulator.addClusterUser("cluster_user1", oldPassword, false);
      System.out.println("Started the ONTAP emulator at " + emulator.baseUrl());
      try (OntapClient ontap =
          OntapClient.builder()
              .endpoint(emulator.baseUrl())
              .trustCertificatePem(emulator.certificatePem())
              .basic("admin", Secret.of(adminPassword))
              .build()) {
        System.out.println(
            change(ontap, "cluster_user1", newPassword)
                + "; "
                + logins(ontap, "cluster_user1", Secret.of(oldPassword), newPassword));
      }
    }
  }

  /**
   * Changes {@code ONTAP_TARGET_USER}'s password to {@code ONTAP_NEW_PASSWORD} and checks the new
   * one logs in (and, when the target is {@code ONTAP_USER} itself, that the old one no longer
   * does); returns what changed.
   *
   * @throws IllegalStateException if a login check disagrees
   */
  static String changeOnCluster(OntapClient ontap, RealTargets real) {
    String user = real.required("ONTAP_USER");
    String target = real.required("ONTAP_TARGET_USER");
    Secret newPassword = Secret.of(real.required("ONTAP_NEW_PASSWORD"));
    if (target.equals(user)) {
      PasswordChangeResult result = ontap.changeOwnPassword(r -> r.password(newPassword));
      String changed =
          "own password of "
              + user
              + " changed ("
              + result.evidence()
              + "), the client now uses it; "
              + logins(ontap, user, Secret.of(real.required("ONTAP_PASSWORD")), newPassword);
      if (!changed.endsWith("old password refused, new password logs in")) {
        throw new IllegalStateException(changed);
      }
      return changed;
    }
    String changed = change(ontap, target, newPassword);
    if (!ontap.verifyPassword(r -> r.name(target).password(newPassword))) {
      throw new IllegalStateException(changed + ", but the new password does not log in");
    }
    return changed + "; new password logs in";
  }

  private static String change(OntapClient ontap, String target, Secret newPassword) {
    PasswordChangeResult result =
        ontap.changePassword(r -> r.name(target).password(newPassword).confirmOutcome(true));
    return "password of "
        + result.accountName()
        + " changed ("
        + result.evidence()
        + ")"
        + result.location().map(l -> ", account at " + l).orElse("");
  }

  private static String logins(
      OntapClient ontap, String target, Secret oldPassword, Secret newPassword) {
    return (ontap.verifyPassword(r -> r.name(target).password(oldPassword))
            ? "old password STILL logs in"
            : "old password refused")
        + (ontap.verifyPassword(r -> r.name(target).password(newPassword))
            ? ", new password logs in"
            : ", new password REFUSED");
  }

  /** A random password with letters and digits, as ONTAP's default policy asks. */
  private static String generatedPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return "Pw1" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
