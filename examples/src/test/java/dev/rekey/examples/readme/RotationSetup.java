package dev.rekey.examples.readme;

import dev.rekey.ontap.OntapClient;
import dev.rekey.rotation.FileJournal;
import dev.rekey.rotation.FileSink;
import dev.rekey.rotation.Policy;
import dev.rekey.rotation.RotationPlan;
import dev.rekey.rotation.RotationResult;
import dev.rekey.rotation.Rotator;
import dev.rekey.rotation.ontap.OntapPasswordTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** README rotation snippet; compiled, and run by ReadmeRotationTest. */
final class RotationSetup {
  private RotationSetup() {}

  /** Returns the dry run's plan and what the rotation did. */
  static List<Object> rotate(OntapClient ontap, Path dir) {
    // readme:rotation:start
    try (FileJournal journal = FileJournal.open(dir.resolve("rotation.journal"))) { // one runner at a time
      Rotator rotator = Rotator.builder()
          .sink(FileSink.of(dir.resolve("svc_backup.json")))  // temp file, fsync, atomic rename, rw-------
          .journal(journal)                                    // JSON lines, fsync per record, no secrets
          .policy(Policy.olderThan(Duration.ofDays(30)))       // running the job twice rotates once
          .build();
      OntapPasswordTarget target = OntapPasswordTarget.builder().client(ontap).user("svc_backup").build();
      RotationPlan plan = rotator.plan(target);                // dry run: reads, never changes anything
      RotationResult result = rotator.rotate(target);          // after a crash: rotator.resume(target)
      return List.of(plan, result);
    }
    // readme:rotation:end
  }
}
