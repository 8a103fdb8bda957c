package dev.rekey.examples;

import dev.rekey.acr.AcrClient;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.ontap.OntapClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The tour: one rotation per service against the embedded emulators, in one JVM, printed as a table
 * (service, call, outcome, latency, what changed). It never prints a secret value, closes every
 * client and emulator before it returns, and exits non-zero when a step failed.
 *
 * <p>Run it from the repository root with {@code ./mvnw -q -B -pl examples -am verify -DskipTests
 * -Prun}. With {@code --real <service>} (or {@code --real} and {@code REKEY_TOUR_SERVICE}) it runs
 * that one service's rotation against the real endpoint the environment names, through the same
 * code as the service's example ({@code RealTargets} lists the variables); a missing variable is
 * reported by name, before any network I/O, with exit status 2.
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

  /**
   * Runs the tour, prints the table to {@code out} and returns the exit status (0 when all worked).
   */
  static int run(String[] args, PrintStream out) {
    return run(args, out, steps -> {});
  }

  /**
   * Like {@link #run(String[], PrintStream)}, with {@code prepare} applied to the started steps
   * first.
   */
  static int run(String[] args, PrintStream out, Consumer<TourSteps> prepare) {
    return run(args, out, prepare, RealTargets.fromEnvironment());
  }

  /**
   * Like {@link #run(String[], PrintStream, Consumer)}, with real targets read from {@code real}.
   */
  static int run(String[] args, PrintStream out, Consumer<TourSteps> prepare, RealTargets real) {
    if (args.length == 0) {
      out.println("Rekey tour: one rotation per service, against the embedded emulators");
      List<TourRow> rows = new ArrayList<>();
      try (TourSteps steps = TourSteps.start(System.console() != null ? out : null)) {
        prepare.accept(steps);
        rows.addAll(steps.runAll());
      }
      return report(rows, out);
    }
    String service =
        args.length == 2 ? args[1] : args.length == 1 ? real.get("REKEY_TOUR_SERVICE") : null;
    if (!args[0].equals("--real")
        || args.length > 2
        || service == null
        || !RealTargets.REQUIRED.containsKey(service)) {
      out.println(
          "Usage: Tour                      (all services, against the embedded emulators)");
      out.println(
          "       Tour --real <service>     (one service, real endpoint from the environment;"
              + " or set REKEY_TOUR_SERVICE)");
      out.println("services: " + String.join(", ", new TreeSet<>(RealTargets.REQUIRED.keySet())));
      return 2;
    }
    List<String> missing = real.missing(service);
    if (!missing.isEmpty()) {
      out.println(
          "Tour --real "
              + service
              + " needs these environment variables, not set: "
              + String.join(", ", missing)
              + ". Nothing was sent.");
      return 2;
    }
    out.println("Rekey tour: " + service + ", against the real endpoint (this really rotates)");
    return report(List.of(realStep(service, real)), out);
  }

  /** The real-endpoint step of {@code service}: the same code as the service's example. */
  private static TourRow realStep(String service, RealTargets real) {
    return switch (service) {
      case "acr" ->
          TourSteps.step(
              "ACR",
              "generateCredentials(password1)",
              () -> {
                try (AcrClient client = real.acr()) {
                  return AcrGenerateCredentials.generate(client, real);
                }
              });
      case "netapp" ->
          TourSteps.step(
              "NetApp Files",
              "generateBucketCredentials",
              () -> {
                try (NetAppClient client = real.netApp()) {
                  return NetAppBucketCredentials.generate(client, real.bucket());
                }
              });
      case "storage-classic" ->
          TourSteps.step(
              "Storage (classic)",
              "rotateStandbyKey x2",
              () -> {
                try (ClassicStorageKeysClient client = real.storageClassic()) {
                  return StorageRotateKeys.rotateClassic(
                      client, real.required("AZURE_STORAGE_ACCOUNT"));
                }
              });
      case "storage-arm" ->
          TourSteps.step(
              "Storage (ARM)",
              "rotateStandbyKey x2",
              () -> {
                try (StorageAccountKeysClient client = real.storageArm()) {
                  return StorageRotateKeys.rotateArm(
                      client,
                      real.required("AZURE_STORAGE_RESOURCE_GROUP"),
                      real.required("AZURE_STORAGE_ACCOUNT"));
                }
              });
      default ->
          TourSteps.step(
              "ONTAP (HTTPS)",
              "changePassword(" + real.required("ONTAP_TARGET_USER") + ")",
              () -> {
                try (OntapClient client = real.ontap()) {
                  return OntapChangePassword.changeOnCluster(client, real);
                }
              });
    };
  }

  private static int report(List<TourRow> rows, PrintStream out) {
    print(rows, out);
    long failed = rows.stream().filter(r -> !r.ok()).count();
    out.println(
        failed == 0
            ? "All " + rows.size() + " steps worked."
            : failed + " of " + rows.size() + " steps failed.");
    return failed == 0 ? 0 : 1;
  }

  private static void print(List<TourRow> rows, PrintStream out) {
    String[] header = {"service", "call", "outcome", "latency (ms)", "what changed"};
    int[] width = new int[header.length];
    List<String[]> cells = new ArrayList<>();
    cells.add(header);
    for (TourRow r : rows) {
      cells.add(
          new String[] {
            r.service(), r.call(), r.outcome(), Long.toString(r.millis()), r.changed()
          });
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
