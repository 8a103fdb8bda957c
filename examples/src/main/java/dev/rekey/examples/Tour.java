package dev.rekey.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tour: one rotation per service against the embedded emulators, in one JVM, printed as a table
 * (service, call, outcome, latency, what changed). It never prints a secret value, closes every client
 * and emulator before it returns, and exits non-zero when a step failed.
 *
 * <p>Run it from the repository root with {@code ./mvnw -q -B -pl examples -am verify -DskipTests
 * -Prun}. Real targets are per example for now (see the other programs in this package); {@code
 * --real} says so and exits with status 2.
 */
public final class Tour {
  private Tour() {}

  /** Runs the tour and exits non-zero if a step failed. */
  public static void main(String[] args) {
    int status = run(args, System.out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the tour, prints the table to {@code out} and returns the exit status (0 when all worked). */
  static int run(String[] args, PrintStream out) {
    return run(args, out, steps -> {});
  }

  /** Like {@link #run(String[], PrintStream)}, with {@code prepare} applied to the started steps first. */
  static int run(String[] args, PrintStream out, Consumer<TourSteps> prepare) {
    for (String arg : args) {
      if (arg.equals("--real")) {
        out.println("Real targets are per example for now: run AcrGenerateCredentials, NetAppBucketCredentials,"
            + " StorageRotateKeys or OntapChangePassword with their environment variables set.");
        return 2;
      }
      out.println("Unknown argument " + arg + " (the tour takes none)");
      return 2;
    }
    out.println("Rekey tour: one rotation per service, against the embedded emulators");
    List<TourRow> rows = new ArrayList<>();
    try (TourSteps steps = TourSteps.start(System.console() != null ? out : null)) {
      prepare.accept(steps);
      rows.addAll(steps.runAll());
    }
    print(rows, out);
    long failed = rows.stream().filter(r -> !r.ok()).count();
    out.println(failed == 0 ? "All " + rows.size() + " steps worked." : failed + " of " + rows.size() + " steps failed.");
    return failed == 0 ? 0 : 1;
  }

  private static void print(List<TourRow> rows, PrintStream out) {
    String[] header = {"service", "call", "outcome", "latency (ms)", "what changed"};
    int[] width = new int[header.length];
    List<String[]> cells = new ArrayList<>();
    cells.add(header);
    for (TourRow r : rows) {
      cells.add(new String[] {r.service(), r.call(), r.outcome(), Long.toString(r.millis()), r.changed()});
    }
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    out.println();
    for (int n = 0; n < cells.size(); n++) {
      StringBuilder b = new StringBuilder();
      String[] line = cells.get(n);
      for (int i = 0; i < line.length; i++) {
        String cell = i == 3 ? pad(line[i], width[i], true) : pad(line[i], width[i], false);
        b.append(i == 0 ? "" : " | ").append(cell);
      }
      out.println(b.toString().stripTrailing());
      if (n == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
          rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
      }
    }
    out.println();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }
}
