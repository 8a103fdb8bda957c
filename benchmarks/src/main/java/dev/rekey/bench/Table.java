package dev.rekey.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every figure of every client, rendered as Markdown: first the verdict (each target of issue 18,
 * met or missed per Rekey client), then every figure with its ratio to the client's floor (its own
 * call through raw OkHttp on the same protocol, measured in the same run).
 */
final class Table {
  /**
   * A measured figure: its label, unit, and Rekey's target (a ratio to the floor unless absolute).
   */
  enum Figure {
    COLD_START("cold start, fresh JVM to first result (median)", "ms", "≤ 1.30× floor", 1.30),
    COLD_START_VS_CREDENTIAL(
        "cold start ÷ the floor that first makes an azure-core TokenCredential (median of paired"
            + " ratios)",
        "×",
        "",
        0),
    CLASSES("classes loaded by the first call (-Xlog:class+load)", "classes", "", 0),
    CLASSES_OUTSIDE_JDK("of those, outside the JDK", "classes", "", 0),
    P50("latency p50, 1 thread", "µs", "≤ 1.10× floor", 1.10),
    P99("latency p99, 1 thread", "µs", "≤ 1.20× floor", 1.20),
    MEAN("latency mean, 1 thread", "µs", "", 0),
    CPU("client CPU per call, 1 thread (all Java threads)", "µs", "≤ 1.15× floor", 1.15),
    CPU_PROCESS("client CPU per call, 1 thread (whole JVM, GC + JIT too)", "µs", "", 0),
    THROUGHPUT("throughput, 8 threads sharing a client", "ops/s", "≥ 0.95× floor", 0.95),
    STUB_CPU("stub CPU during the 8-thread run (its own JVM)", "% of a core", "", 0),
    ALLOC("allocation per call (gc.alloc.rate.norm)", "B/op", "≤ 1.30× floor", 1.30),
    BURST_TIME("64 async calls in flight, time", "ms/burst", "", 0),
    BURST_THREADS(
        "64 async calls, extra threads at peak", "threads", "< 64 (no thread per call)", 64),
    BURST_CONNECTIONS("64 async calls, connections at peak", "conns", "< 64 (bounded)", 64),
    CLASSPATH("runtime classpath", "MB", "ACR ≤ 9.5 MB, ONTAP ≤ 4.5 MB", 0),
    JARS("runtime classpath", "jars", "", 0);

    final String label;
    final String unit;
    final String target;
    final double limit;

    Figure(String label, String unit, String target, double limit) {
      this.label = label;
      this.unit = unit;
      this.target = target;
      this.limit = limit;
    }

    /** Whether Rekey's {@code client} meets the target, or null when there is none for it. */
    Boolean met(Client client, double value, double ratio) {
      if (target.isEmpty() || !client.rekey()) {
        return null;
      }
      return switch (this) {
        case BURST_THREADS, BURST_CONNECTIONS -> value < limit;
        case CLASSPATH ->
            client == Client.REKEY_ACR
                ? (Boolean) (value <= 9.5)
                : client == Client.REKEY_ONTAP ? (Boolean) (value <= 4.5) : null;
        case THROUGHPUT -> Double.isNaN(ratio) ? null : (Boolean) (ratio >= limit);
        default -> Double.isNaN(ratio) ? null : (Boolean) (ratio <= limit);
      };
    }
  }

  private final Map<Figure, Map<Client, Double>> values = new EnumMap<>(Figure.class);
  private final Map<Figure, Map<Client, Double>> ratios = new EnumMap<>(Figure.class);
  private final List<String> notes = new ArrayList<>();

  /** Adds a line printed under the table. */
  void note(String line) {
    notes.add(line);
  }

  void put(Figure figure, Client client, double value) {
    values.computeIfAbsent(figure, f -> new EnumMap<>(Client.class)).put(client, value);
  }

  /**
   * Sets the ratio to the floor directly (the median of paired per-round ratios), not value ÷
   * floor's value.
   */
  void putRatio(Figure figure, Client client, double ratio) {
    ratios.computeIfAbsent(figure, f -> new EnumMap<>(Client.class)).put(client, ratio);
  }

  private double ratio(Figure f, Client c) {
    Double set = ratios.getOrDefault(f, Map.of()).get(c);
    if (set != null) {
      return set;
    }
    Map<Client, Double> row = values.getOrDefault(f, Map.of());
    Double floor = row.get(c.floor());
    Double v = row.get(c);
    return v == null || floor == null || floor == 0 ? Double.NaN : v / floor;
  }

  String render(String mode) {
    StringBuilder out = new StringBuilder(mode.isEmpty() ? "" : mode + "\n\n");
    verdict(out);
    out.append("| figure | client | value | unit | × its floor | target | |\n")
        .append("|---|---|---:|---|---:|---|---|\n");
    for (Map.Entry<Figure, Map<Client, Double>> row : values.entrySet()) {
      Figure f = row.getKey();
      for (Map.Entry<Client, Double> cell : row.getValue().entrySet()) {
        double v = cell.getValue();
        double ratio = ratio(f, cell.getKey());
        Boolean met = f.met(cell.getKey(), v, ratio);
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s |%n",
                f.label,
                cell.getKey().label(),
                number(v),
                f.unit,
                ratio(ratio),
                met == null ? "" : f.target,
                met == null ? "" : met ? "met" : "MISSED"));
      }
    }
    out.append('\n');
    notes.forEach(n -> out.append("- ").append(n).append('\n'));
    return out.toString();
  }

  /** One row per target, one column per Rekey client: ratio (or value) and met / MISSED. */
  private void verdict(StringBuilder out) {
    List<Client> rekey = java.util.Arrays.stream(Client.values()).filter(Client::rekey).toList();
    out.append("| target |");
    rekey.forEach(c -> out.append(' ').append(c.label()).append(" |"));
    out.append(" Azure SDK ACR |\n|---|");
    rekey.forEach(c -> out.append("---|"));
    out.append("---|\n");
    for (Figure f : Figure.values()) {
      Map<Client, Double> row = values.get(f);
      if (f.target.isEmpty() || row == null) {
        continue;
      }
      out.append("| ").append(f.label).append(' ').append(f.target).append(" |");
      for (Client c : rekey) {
        Double v = row.get(c);
        Boolean met = v == null ? null : f.met(c, v, ratio(f, c));
        out.append(' ')
            .append(shown(f, c))
            .append(met == null ? "" : met ? " met" : " **MISSED**")
            .append(" |");
      }
      out.append(' ').append(shown(f, Client.AZURE_ACR)).append(" |\n");
    }
    out.append('\n');
  }

  /** The verdict cell: the value for absolute targets, else the ratio to the client's floor. */
  private String shown(Figure f, Client c) {
    Double v = values.get(f).get(c);
    if (v == null) {
      return "";
    }
    boolean absolute =
        f == Figure.CLASSPATH || f == Figure.BURST_THREADS || f == Figure.BURST_CONNECTIONS;
    return absolute ? number(v) + " " + f.unit : ratio(ratio(f, c));
  }

  private static String number(double v) {
    return v >= 100 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f×", r);
  }
}
