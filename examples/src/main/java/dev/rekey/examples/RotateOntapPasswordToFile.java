package dev.rekey.examples;

import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.rotation.FileJournal;
import dev.rekey.rotation.FileSink;
import dev.rekey.rotation.Policy;
import dev.rekey.rotation.RotationResult;
import dev.rekey.rotation.Rotator;
import dev.rekey.rotation.ontap.OntapPasswordTarget;
import dev.rekey.testkit.OntapEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Rotates an ONTAP user's password into a file with sdk-rotation: the new password is generated
 * locally, staged in the file as pending, changed on the cluster, proven by a login, then made
 * current; a crash at any point is finished by running it again (the journal records every step).
 * It never prints a password.
 *
 * <p>Runs against the ONTAP emulator from sdk-testkit, writing {@code ontap-password.json} and
 * {@code rotation.journal} to a temporary directory, or to the directory given as the first
 * argument.
 */
public final class RotateOntapPasswordToFile {
  private RotateOntapPasswordToFile() {}

  /** Runs the example. */
  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("rekey-rotation");
    String admin = "Adm1n-" + Long.toHexString(System.nanoTime());
    try (OntapEmulator emulator = new OntapEmulator(admin)) {
      emulator.start();
      emulator.addClusterUser("svc_backup", "Start-1234", false);
      try (OntapClient ontap =
          OntapClient.builder()
              .endpoint(emulator.baseUrl())
              .trustCertificatePem(emulator.certificatePem())
              .basic("admin", Secret.of(admin))
              .build()) {
        System.out.println(rotate(ontap, "svc_backup", dir));
      }
    }
  }

  /**
   * Rotates {@code user}'s password into {@code dir/ontap-password.json} (journal: {@code
   * dir/rotation.journal}) when it is older than 30 days, and returns what happened.
   *
   * @throws dev.rekey.rotation.RotationException if a step failed; run again to resume
   */
  static String rotate(OntapClient ontap, String user, Path dir) {
    FileSink sink = FileSink.of(dir.resolve("ontap-password.json"));
    OntapPasswordTarget target = OntapPasswordTarget.builder().client(ontap).user(user).build();
    try (FileJournal journal = FileJournal.open(dir.resolve("rotation.journal"))) {
      Rotator rotator =
          Rotator.builder()
              .sink(sink)
              .journal(journal)
              .policy(Policy.olderThan(Duration.ofDays(30)))
              .build();
      RotationResult result = rotator.rotate(target);
      boolean works =
          sink.current(target.id())
              .map(p -> ontap.verifyPassword(r -> r.name(user).password(p.credential().value())))
              .orElse(false);
      return user
          + ": "
          + result.status()
          + " into "
          + sink.file().getFileName()
          + (works ? ", the file's password logs in" : ", the file's password does NOT log in");
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("cannot use " + dir, e);
    }
  }
}
