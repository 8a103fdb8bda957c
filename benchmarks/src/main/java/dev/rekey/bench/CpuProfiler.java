package dev.rekey.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The client's CPU per call, in the benchmark's own JVM (the stub runs in another): {@value
 * #THREADS} sums the CPU time of every Java thread over an iteration (the caller, OkHttp's and
 * Rekey's own threads; not the JVM's GC and JIT threads) and divides it by the calls made; {@value
 * #PROCESS} does the same with the whole process's CPU time (GC and JIT included). Like {@code
 * -prof gc}'s {@code gc.alloc.rate.norm}, a per-call figure that does not depend on how long a call
 * waited.
 */
public final class CpuProfiler implements InternalProfiler {
  /** Java threads' CPU per call, ns. */
  public static final String THREADS = "cpu.threads.per.op";

  /** Whole-process CPU per call, ns. */
  public static final String PROCESS = "cpu.process.per.op";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> before = Map.of();
  private long processBefore;

  @Override
  public String getDescription() {
    return "CPU time per call: all Java threads, and the whole process";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = threadCpu();
    processBefore = os.getProcessCpuTime();
  }

  @Override
  public List<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long process = os.getProcessCpuTime() - processBefore;
    long sum = 0;
    for (Map.Entry<Long, Long> now : threadCpu().entrySet()) {
      sum += now.getValue() - before.getOrDefault(now.getKey(), 0L);
    }
    long ops = Math.max(1, result.getMetadata().getAllOps());
    return List.of(
        new ScalarResult(THREADS, (double) sum / ops, "ns/op", AggregationPolicy.AVG),
        new ScalarResult(PROCESS, (double) process / ops, "ns/op", AggregationPolicy.AVG));
  }

  private Map<Long, Long> threadCpu() {
    Map<Long, Long> cpu = new HashMap<>();
    for (long id : threads.getAllThreadIds()) {
      long ns = threads.getThreadCpuTime(id);
      if (ns >= 0) {
        cpu.put(id, ns);
      }
    }
    return cpu;
  }
}
