package dev.rekey.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * JMH runs of every client beside its floor, interleaved as cold starts are: each round runs every
 * (floor, client) pair back to back, one fork each, the floor first in even rounds and second in
 * odd ones. A figure's value is its median over rounds and its ratio the median of the per-round
 * ratios to the floor, so a slow minute of a shared machine weighs on both members of a pair.
 * (Taken one client after the other instead, the same code's ratios moved by up to 0.3 between two
 * runs: on two shared vCPUs, a client's CPU per call changed by a quarter from one run to the
 * next.)
 */
final class PairedRuns {
  private final Map<Client, List<RunResult>> results = new EnumMap<>(Client.class);
  private final Map<Client, List<Double>> stubCpu = new EnumMap<>(Client.class);

  private PairedRuns() {}

  /**
   * Runs {@code rounds} rounds; {@code options} gives one client's single-fork run (its {@code
   * client} parameter set).
   */
  static PairedRuns run(int rounds, StubProcess stub, Function<Client, Options> options)
      throws RunnerException {
    PairedRuns runs = new PairedRuns();
    List<Client> measured =
        Arrays.stream(Client.values()).filter(c -> !c.isFloor() && !c.coldStartOnly()).toList();
    for (int r = 0; r < rounds; r++) {
      for (Client c : measured) {
        for (Client one : r % 2 == 0 ? List.of(c.floor(), c) : List.of(c, c.floor())) {
          double cpu = stub.cpuSeconds();
          long start = System.nanoTime();
          RunResult result = new Runner(options.apply(one)).runSingle();
          double wall = (System.nanoTime() - start) / 1e9;
          runs.results.computeIfAbsent(one, k -> new ArrayList<>()).add(result);
          runs.stubCpu
              .computeIfAbsent(one, k -> new ArrayList<>())
              .add(cpu < 0 ? Double.NaN : 100 * (stub.cpuSeconds() - cpu) / wall);
        }
      }
    }
    return runs;
  }

  /** Puts {@code figure}, read from each run by {@code value}, for every client and floor. */
  void put(Table table, Table.Figure figure, ToDoubleFunction<RunResult> value) {
    Map<Client, double[]> values = new EnumMap<>(Client.class);
    results.forEach((c, list) -> values.put(c, list.stream().mapToDouble(value).toArray()));
    put(table, figure, values);
  }

  /** Puts the stub's CPU (% of a core) during each client's runs. */
  void putStubCpu(Table table) {
    Map<Client, double[]> values = new EnumMap<>(Client.class);
    stubCpu.forEach((c, list) -> values.put(c, list.stream().mapToDouble(d -> d).toArray()));
    put(table, Table.Figure.STUB_CPU, values);
  }

  private void put(Table table, Table.Figure figure, Map<Client, double[]> values) {
    values.forEach(
        (c, own) -> {
          table.put(figure, c, Median.of(own));
          if (!c.isFloor()) {
            table.putRatio(figure, c, Median.ofRatios(own, values.get(c.floor())));
          }
        });
  }
}
