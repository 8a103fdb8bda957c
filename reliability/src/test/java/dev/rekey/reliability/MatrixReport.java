package dev.rekey.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the fault matrix's cells and writes them as Markdown to {@code target/fault-matrix.md}.
 */
final class MatrixReport {
  private record Key(FaultCase fault, Target target) {}

  private final Map<Key, String> cells = new ConcurrentHashMap<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void record(FaultCase fault, Target target, String cell, String why) {
    cells.put(new Key(fault, target), cell);
    if (why != null && !notes.contains(fault.title + " × " + target.title + ": " + why)) {
      notes.add(fault.title + " × " + target.title + ": " + why);
    }
  }

  synchronized String markdown() {
    StringBuilder md = new StringBuilder("# Fault matrix\n\n");
    md.append(
            "Each cell: outcome of one rotation call · attempts (rotation requests sent). `ok` = success; ")
        .append(
            "otherwise the exception, `(status)` for a service error. Fake clock: waits are recorded, not slept.\n")
        .append(
            "Regenerate: `./mvnw -q -B -pl reliability -am verify` → `reliability/target/fault-matrix.md`.\n\n");
    md.append("| Fault |");
    for (Target t : Target.values()) {
      md.append(' ').append(t.title).append(" |");
    }
    md.append("\n|---|");
    md.append("---|".repeat(Target.values().length)).append('\n');
    for (FaultCase f : FaultCase.values()) {
      md.append("| ").append(f.title).append(" |");
      for (Target t : Target.values()) {
        md.append(' ').append(cells.getOrDefault(new Key(f, t), "not run")).append(" |");
      }
      md.append('\n');
    }
    if (!notes.isEmpty()) {
      md.append("\nn/a:\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    md.append(
        """

        Rules behind the cells: a rotation POST is re-sent only when the server said it did not process it
        (429; 503 with a wait) or the connection was never made; any other failure after the request left
        is `OutcomeUnknown` after exactly one rotation request, and no cell ever applied a second rotation.
        Once the service accepted a rotation (202), every way of not learning its outcome (a lost or
        unreadable status, an oversized status answer) is `OutcomeUnknown` carrying the operation id. A
        rotation that succeeded without returning the credential it promised (an unreadable 2xx body, a
        status `Succeeded` with neither result nor `Location`) is `CredentialNotReturned`: the change exists
        on the service and the message says how to recover. A 200 is the final answer whatever status
        headers it carries. No cell throws a type from an `.internal.` package. Every cell also checks the
        rotations the emulator applied and the waits.
        A zero server wait is raised to `RetryPolicy.minDelay` (250 ms). A rotation follows a redirect
        only to its own origin and only on 307/308 (method and body kept; classic storage: its documented
        307 only); any other redirect ends in the client's `ServiceException` with the 3xx status, saying
        the rotation was not sent on, after one request and nothing applied.

        Known limits (not failing cells):
        - After `close()` no `rekey-http-*` thread remains, but OkHttp's process-wide `OkHttp TaskRunner`
          keeps idle daemon threads for up to 60 s; OkHttp offers no public way to stop them. They never
          hold a JVM open (`ResourcesTest` runs a `main` in a child JVM and sees it exit at once).
        - The emulators' status endpoints cannot be made to answer `Retry-After: 0`, so the poll floor
          (`PollingPolicy.minInterval`, 1 s) is proven in sdk-core (`PollsNeverSpinTest`: 10 polls in a
          10 s window) rather than per client here.
        """);
    return md.toString();
  }

  void write() throws IOException {
    String md = markdown();
    Path out = Path.of("target", "fault-matrix.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md);
    System.out.println(md);
  }
}
