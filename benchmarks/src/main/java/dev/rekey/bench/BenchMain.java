package dev.rekey.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs everything and prints one table: starts the stub in its own JVM, runs the JMH benchmarks
 * (sample time with {@code -prof gc} on one thread, throughput on eight threads, the 64-call async
 * burst; {@code -prof gc} and {@link CpuProfiler} give allocation and CPU per call), watches each
 * burst's threads and connections, times cold starts in fresh JVMs and counts the classes they load
 * ({@link ColdStarts}), and sizes each client's runtime classpath. {@code -Dbench.quick=true} makes
 * every step short (smoke only); {@code -Dbench.cold=true} runs only the cold starts and
 * classpaths.
 */
public final class BenchMain {
  private static final PrintStream OUT = System.out;

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = Boolean.getBoolean("bench.quick");
    boolean coldOnly = Boolean.getBoolean("bench.cold");
    Path target = Path.of(System.getProperty("bench.target", "target"));
    String include = System.getProperty("bench.include", ".*");
    Pinning pinning = Pinning.detect();
    try (StubProcess stub = StubProcess.start(target, pinning)) {
      stub.applyTo(System.getProperties());
      String pinnedJava = pinning.pinnedJava(target);
      Table table = new Table();
      table.note("Processors: " + pinning.describe() + ".");
      classpath(target, table);
      for (Client c :
          Client.values()) { // fail in seconds, not after minutes of JMH, if a client is broken
        try (Call call = c.open()) {
          call.call();
        }
      }
      JmhSetup setup = new JmhSetup(quick, stub, pinnedJava);
      if (!coldOnly && "call".matches(include)) {
        latencyAndAllocation(setup, table);
        throughput(setup, table);
      }
      if (!coldOnly) {
        burst(setup, "burst64".matches(include), table);
      }
      ColdStarts.run(quick ? 3 : 15, stub, target, footprint(target), table);
      String text =
          table.render(
              (quick
                      ? "QUICK MODE (1 fork, short iterations, 3 cold-start rounds): smoke figures, "
                          + "not the published numbers."
                      : "FULL MODE (15 cold-start rounds).")
                  + (coldOnly ? " Cold start only (--cold)." : ""));
      OUT.println(text);
      Files.writeString(target.resolve("bench-table.md"), text, StandardCharsets.UTF_8);
      OUT.println("(also written to " + target.resolve("bench-table.md") + ")");
    }
    System.exit(0);
  }

  /**
   * What every JMH run shares: the mode, the stub, and the {@code java} the one-thread runs' forks
   * run on ({@link Pinning}).
   */
  private record JmhSetup(boolean quick, StubProcess stub, String pinnedJava) {}

  private static ChainedOptionsBuilder jmh(JmhSetup setup, String method) {
    boolean quick = setup.quick();
    return new OptionsBuilder()
        .include(CallBenchmark.class.getName() + "." + method + "$")
        .warmupIterations(quick ? 2 : 5)
        .warmupTime(TimeValue.milliseconds(quick ? 500 : 2000))
        .measurementIterations(quick ? 3 : 5)
        .measurementTime(TimeValue.milliseconds(quick ? 500 : 2000))
        .forks(quick ? 1 : 2)
        .jvmArgsAppend(setup.stub().jvmArgs().toArray(String[]::new))
        .timeUnit(TimeUnit.MICROSECONDS)
        .shouldFailOnError(true);
  }

  private static void latencyAndAllocation(JmhSetup setup, Table table) throws RunnerException {
    PairedRuns runs =
        paired(
            setup,
            o ->
                o.jvm(setup.pinnedJava())
                    .mode(Mode.SampleTime)
                    .threads(1)
                    .addProfiler(GCProfiler.class)
                    .addProfiler(CpuProfiler.class));
    runs.put(table, Table.Figure.P50, r -> r.getPrimaryResult().getStatistics().getPercentile(50));
    runs.put(table, Table.Figure.P99, r -> r.getPrimaryResult().getStatistics().getPercentile(99));
    runs.put(table, Table.Figure.MEAN, r -> r.getPrimaryResult().getStatistics().getMean());
    runs.put(table, Table.Figure.ALLOC, r -> secondary(r, "gc.alloc.rate.norm"));
    runs.put(table, Table.Figure.CPU, r -> secondary(r, CpuProfiler.THREADS) / 1000);
    runs.put(table, Table.Figure.CPU_PROCESS, r -> secondary(r, CpuProfiler.PROCESS) / 1000);
  }

  /**
   * Eight threads sharing a client, warmed up twice as long as the one-thread runs: with eight busy
   * threads and the stub on two processors the JIT gets little of them. After the usual 10 s of
   * warm-up, Rekey's compiler threads still compiled for 6.8 s of the 10 s measured (the floor's:
   * 0.2 s), so the figure judged warm-up; after 20 s, 21 ms and 7 ms ({@code -prof comp}).
   */
  private static void throughput(JmhSetup setup, Table table) throws RunnerException {
    PairedRuns runs =
        paired(
            setup,
            o ->
                o.mode(Mode.Throughput)
                    .threads(8)
                    .timeUnit(TimeUnit.SECONDS)
                    .warmupIterations(setup.quick() ? 2 : 10));
    runs.put(table, Table.Figure.THROUGHPUT, r -> r.getPrimaryResult().getScore());
    runs.putStubCpu(table); // one run at a time, so the stub's CPU can be told apart per client
  }

  /**
   * Paired runs of the {@code call} benchmark, one fork per client and round, in the {@code mode}
   * given.
   */
  private static PairedRuns paired(JmhSetup setup, UnaryOperator<ChainedOptionsBuilder> mode)
      throws RunnerException {
    return PairedRuns.run(
        rounds(setup),
        setup.stub(),
        c -> mode.apply(jmh(setup, "call").forks(1).param("client", c.name())).build());
  }

  /**
   * Rounds of paired runs: five (one in quick mode). With three, two full runs of the same client
   * code an hour apart disagreed by up to 0.2 on a ratio (ONTAP p50 1.00 and 1.20): one slow round
   * of a pair decided the median.
   */
  private static int rounds(JmhSetup setup) {
    return setup.quick() ? 1 : 5;
  }

  /** A secondary result's score ({@code -prof gc} may prefix its names with a middle dot). */
  private static double secondary(RunResult run, String name) {
    Map<String, Result> all = run.getSecondaryResults();
    Result r = all.getOrDefault(name, all.get("\u00b7" + name));
    return r == null ? Double.NaN : r.getScore();
  }

  private static void burst(JmhSetup setup, boolean timed, Table table) throws RunnerException {
    Collection<RunResult> runs =
        !timed
            ? List.of()
            : new Runner(
                    jmh(setup, "burst64")
                        .param(
                            "client",
                            Arrays.stream(Client.values())
                                .filter(Client::inBurst)
                                .map(Client::name)
                                .toArray(String[]::new))
                        .mode(Mode.AverageTime)
                        .threads(1)
                        .timeUnit(TimeUnit.MILLISECONDS)
                        .build())
                .run();
    for (RunResult run : runs) {
      table.put(Table.Figure.BURST_TIME, client(run), run.getPrimaryResult().getScore());
    }
    for (Client c : Client.values()) {
      if (!c.inBurst()) {
        continue;
      }
      BurstProbe.Observed seen =
          BurstProbe.observe(c, setup.stub().port(c), setup.quick() ? 3 : 20);
      table.put(Table.Figure.BURST_THREADS, c, seen.extraThreads());
      table.put(Table.Figure.BURST_CONNECTIONS, c, seen.connections());
      table.note(
          c.label()
              + " burst: new threads at peak: "
              + (seen.newThreads().isEmpty() ? "none" : seen.newThreads()));
    }
  }

  private static void classpath(Path target, Table table) {
    Footprint footprint = footprint(target);
    for (Client c : Client.values()) {
      List<Path> jars = footprint.jars(c.artifacts());
      table.put(Table.Figure.CLASSPATH, c, Footprint.bytes(jars) / 1_000_000.0);
      table.put(Table.Figure.JARS, c, jars.size());
      table.note(
          c.label()
              + " classpath: "
              + jars.stream().map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private static Footprint footprint(Path target) {
    return new Footprint(
        target.resolve("dependency-tree.txt"), target.resolve("runtime-classpath.txt"));
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Client client(RunResult run) {
    return Client.valueOf(run.getParams().getParam("client"));
  }
}
