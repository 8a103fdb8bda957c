package dev.rekey.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Every figure of every client, rendered as one Markdown table with ratios to the floor and the Azure SDK. */
final class Table {
  /** A measured figure: its label, unit, and Rekey's target (a ratio to the floor unless absolute). */
  enum Figure {
    P50("latency p50, 1 thread", "µs", "≤ 1.10× floor", 1.10, false),
    P99("latency p99, 1 thread", "µs", "≤ 1.20× floor", 1.20, false),
    MEAN("latency mean, 1 thread", "µs", "", 0, false),
    THROUGHPUT("throughput, 8 threads", "ops/s", "≥ 0.90× floor", 0.90, true),
    STUB_CPU("stub CPU during the 8-thread run (its own JVM)", "% of a core", "", 0, false),
    ALLOC("allocation per call", "B/op", "≤ 1.5× floor", 1.5, false),
    BURST_TIME("64 async calls in flight, time", "ms/burst", "", 0, false),
    BURST_THREADS("64 async calls, extra threads at peak", "threads", "< 64 (no thread per call)", 64, false),
    BURST_CONNECTIONS("64 async calls, connections at peak", "conns", "< 64 (bounded)", 64, false),
    COLD_START("cold start to first result (median)", "ms", "≤ 1.5× floor", 1.5, false),
    CLASSPATH("runtime classpath", "MB", "ONTAP ≤ 6 MB", 6, false),
    JARS("runtime classpath", "jars", "", 0, false);

    final String label;
    final String unit;
    final String target;
    final double limit;
    final boolean higherIsBetter;

    Figure(String label, String unit, String target, double limit, boolean higherIsBetter) {
      this.label = label;
      this.unit = unit;
      this.target = target;
      this.limit = limit;
      this.higherIsBetter = higherIsBetter;
    }

    /** Whether Rekey's {@code client} meets the target, or null when there is none for it. */
    Boolean met(Client client, double value, double ratio) {
      if (target.isEmpty() || !client.name().startsWith("REKEY")) {
        return null;
      }
      return switch (this) {
        case BURST_THREADS, BURST_CONNECTIONS -> value < limit;
        case CLASSPATH -> client == Client.REKEY_ONTAP ? value <= limit : null;
        case THROUGHPUT -> ratio >= limit;
        default -> ratio <= limit;
      };
    }
  }

  private final Map<Figure, Map<Client, Double>> values = new EnumMap<>(Figure.class);
  private final List<String> notes = new ArrayList<>();

  /** Adds a line printed under the table. */
  void note(String line) {
    notes.add(line);
  }

  void put(Figure figure, Client client, double value) {
    values.computeIfAbsent(figure, f -> new EnumMap<>(Client.class)).put(client, value);
  }

  String render(boolean quick) {
    StringBuilder out = new StringBuilder();
    out.append(quick ? "QUICK MODE (1 fork, short iterations): smoke figures, not the published numbers.\n\n" : "")
        .append("| figure | client | value | unit | × floor | × Azure SDK | target | |\n")
        .append("|---|---|---:|---|---:|---:|---|---|\n");
    for (Map.Entry<Figure, Map<Client, Double>> row : values.entrySet()) {
      Figure f = row.getKey();
      Double floor = row.getValue().get(Client.FLOOR);
      Double azure = row.getValue().get(Client.AZURE_ACR);
      for (Map.Entry<Client, Double> cell : row.getValue().entrySet()) {
        double v = cell.getValue();
        double ratio = floor == null || floor == 0 ? Double.NaN : v / floor;
        double vsAzure = azure == null || azure == 0 ? Double.NaN : v / azure;
        Boolean met = f.met(cell.getKey(), v, ratio);
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
            f.label, cell.getKey().label(), number(v), f.unit, ratio(ratio), ratio(vsAzure),
            met == null ? "" : f.target, met == null ? "" : met ? "met" : "MISSED"));
      }
    }
    out.append('\n');
    notes.forEach(n -> out.append("- ").append(n).append('\n'));
    return out.toString();
  }

  private static String number(double v) {
    return v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f×", r);
  }
}
