package dev.rekey.examples;

import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.ontap.OntapClientBuilder;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.testkit.OntapEmulator;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Changes an ONTAP user's password and shows that the old password no longer logs in. It never prints
 * a password.
 *
 * <p>By default it runs against the ONTAP emulator from sdk-testkit. To use a real cluster, set {@code
 * ONTAP_ADDRESS} (e.g. {@code https://cluster1.example.com}), {@code ONTAP_USER}, {@code
 * ONTAP_PASSWORD}, {@code ONTAP_TARGET_USER}, {@code ONTAP_NEW_PASSWORD} and, for a cluster with a
 * self-signed certificate, {@code ONTAP_CA_FILE} (the PEM certificate to trust). When the target user is
 * {@code ONTAP_USER} itself, the client changes its own password and keeps working with the new one.
 */
public final class OntapChangePassword {
  private OntapChangePassword() {}

  /** Runs the example. */
  public static void main(String[] args) throws IOException {
    String address = System.getenv("ONTAP_ADDRESS");
    if (address == null || address.isBlank()) {
      runOnEmulator();
    } else {
      runOnCluster(address);
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
      OntapClientBuilder builder =
          OntapClient.builder()
              .endpoint(emulator.baseUrl().uri())
              .trustCertificatePem(emulator.certificatePem())
              .basic("admin", Secret.of(adminPassword));
      try (OntapClient ontap = builder.build()) {
        change(ontap, "cluster_user1", newPassword);
        report(ontap, "cluster_user1", Secret.of(oldPassword), newPassword);
      }
    }
  }

  private static void runOnCluster(String address) throws IOException {
    String user = required("ONTAP_USER");
    Secret password = Secret.of(required("ONTAP_PASSWORD"));
    String target = required("ONTAP_TARGET_USER");
    Secret newPassword = Secret.of(required("ONTAP_NEW_PASSWORD"));
    OntapClientBuilder builder = OntapClient.builder().endpoint(URI.create(address)).basic(user, password);
    String caFile = System.getenv("ONTAP_CA_FILE");
    if (caFile != null && !caFile.isBlank()) {
      builder.trustCertificatePem(Files.readString(Path.of(caFile)));
    }
    try (OntapClient ontap = builder.build()) {
      if (target.equals(user)) {
        PasswordChangeResult result = ontap.changeOwnPassword(newPassword);
        System.out.println("Changed the password of " + user + " (" + result.evidence() + "); the client now uses it");
        report(ontap, user, password, newPassword);
      } else {
        change(ontap, target, newPassword);
        System.out.println("Checking that " + target + " logs in with the new password");
        System.out.println("  new password logs in: " + ontap.verifyPassword(target, newPassword));
      }
    }
  }

  private static void change(OntapClient ontap, String target, Secret newPassword) {
    PasswordChangeResult result =
        ontap.changePassword(r -> r.name(target).password(newPassword).confirmOutcome(true));
    System.out.println(
        "Changed the password of " + result.accountName() + " (" + result.evidence() + ")"
            + result.location().map(l -> ", account at " + l).orElse(""));
  }

  private static void report(OntapClient ontap, String target, Secret oldPassword, Secret newPassword) {
    System.out.println("  old password logs in: " + ontap.verifyPassword(target, oldPassword));
    System.out.println("  new password logs in: " + ontap.verifyPassword(target, newPassword));
  }

  private static String required(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set when ONTAP_ADDRESS is");
    }
    return value;
  }

  /** A random password with letters and digits, as ONTAP's default policy asks. */
  private static String generatedPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return "Pw1" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
