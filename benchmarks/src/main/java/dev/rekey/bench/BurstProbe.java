package dev.rekey.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches one client's async burst of {@value CallBenchmark#BURST} calls: the most live threads
 * this JVM had above its count before the client was built, and the most established TCP
 * connections to the stub (read from {@code /proc/net/tcp*}, so the count does not depend on the
 * client's internals).
 */
final class BurstProbe {
  /** What one client did during its bursts. */
  record Observed(int extraThreads, int connections, String newThreads) {}

  private BurstProbe() {}

  static Observed observe(Client client, int stubPort, int bursts) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int before = threads.getThreadCount();
    Set<Long> existing = new HashSet<>();
    for (long id : threads.getAllThreadIds()) {
      existing.add(id);
    }
    AtomicReference<String> atPeak = new AtomicReference<>("");
    AtomicInteger peakThreads = new AtomicInteger();
    AtomicInteger peakConnections = new AtomicInteger();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                int now = threads.getThreadCount() - 1; // less the sampler itself
                if (now > peakThreads.get()) {
                  peakThreads.set(now);
                  atPeak.set(newThreadNames(threads, existing));
                }
                peakConnections.accumulateAndGet(connectionsTo(stubPort), Math::max);
                Thread.onSpinWait();
              }
            },
            "burst-sampler");
    try (Call call = client.open()) {
      sampler.start();
      for (int b = 0; b < bursts; b++) {
        CompletableFuture<?>[] calls = new CompletableFuture<?>[CallBenchmark.BURST];
        for (int i = 0; i < calls.length; i++) {
          calls[i] = call.callAsync();
        }
        CompletableFuture.allOf(calls).join();
      }
    } finally {
      running.set(false);
      try {
        sampler.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new Observed(
        Math.max(0, peakThreads.get() - before), peakConnections.get(), atPeak.get());
  }

  /**
   * Names the threads started since the baseline, grouped by name less its digits, e.g. {@code
   * rekey-http-# x32}.
   */
  private static String newThreadNames(ThreadMXBean threads, Set<Long> existing) {
    Map<String, Integer> groups = new TreeMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null
          && !existing.contains(info.getThreadId())
          && !info.getThreadName().equals("burst-sampler")) {
        groups.merge(info.getThreadName().replaceAll("\\d+", "#"), 1, Integer::sum);
      }
    }
    StringBuilder out = new StringBuilder();
    groups.forEach(
        (name, n) -> out.append(out.length() == 0 ? "" : ", ").append(name).append(" x").append(n));
    return out.toString();
  }

  /** Counts client-side sockets in state ESTABLISHED whose remote port is the stub's. */
  static int connectionsTo(int port) {
    String remotePort = String.format(Locale.ROOT, ":%04X ", port);
    int count = 0;
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 3 && (f[2] + " ").endsWith(remotePort) && f[3].equals("01")) {
            count++;
          }
        }
      } catch (IOException e) {
        return -1; // not Linux: unknown
      }
    }
    return count;
  }
}
