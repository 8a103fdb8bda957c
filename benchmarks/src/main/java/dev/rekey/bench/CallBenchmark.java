package dev.rekey.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The call benchmarks. {@link BenchMain} picks the modes (sample time with -prof gc on one thread,
 * throughput on eight) and the iteration counts; every result goes to the Blackhole.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallBenchmark {
  /** Calls in flight in {@link #burst64}. */
  public static final int BURST = 64;

  /** One client, shared by all benchmark threads (every client is thread-safe). */
  @State(Scope.Benchmark)
  public static class Target {
    @Param({
      "FLOOR",
      "FLOOR_NETAPP",
      "FLOOR_CLASSIC",
      "FLOOR_ARM",
      "FLOOR_ONTAP",
      "FLOOR_TLS",
      "REKEY_ACR",
      "REKEY_NETAPP",
      "REKEY_CLASSIC",
      "REKEY_ARM",
      "REKEY_ONTAP",
      "AZURE_ACR"
    })
    public String client = "FLOOR";

    Call call;

    @Setup(Level.Trial)
    public void open() {
      call = Client.valueOf(client).open();
      call.call(); // fail fast, before any measurement, if the client and the stub disagree
    }

    @TearDown(Level.Trial)
    public void close() {
      call.close();
    }
  }

  /** One sync call. */
  @Benchmark
  public void call(Target target, Blackhole bh) {
    bh.consume(target.call.call());
  }

  /** {@value #BURST} async calls started at once, then all awaited. */
  @Benchmark
  public void burst64(Target target, Blackhole bh) {
    CompletableFuture<?>[] calls = new CompletableFuture<?>[BURST];
    for (int i = 0; i < BURST; i++) {
      calls[i] = target.call.callAsync();
    }
    for (CompletableFuture<?> c : calls) {
      bh.consume(c.join());
    }
  }
}
