package dev.rekey.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Cold start, per client: fresh JVMs (classpath = that client's jars only) timed from spawn to the
 * first successful call. Clients alternate round by round (each round starts one client later), the
 * figure is the median over rounds and the ratio the median of the per-round ratios to the floor of
 * the same round. Then one more fresh JVM per client with {@code -Xlog:class+load} counts the
 * classes the first call loads and what packages they come from.
 */
final class ColdStarts {
  /** Package prefix depth used to group loaded classes, e.g. {@code tools.jackson.databind}. */
  private static final int DEPTH = 3;

  private static final int TOP = 10;

  private ColdStarts() {}

  static void run(int rounds, StubProcess stub, Path target, Footprint footprint, Table table)
      throws IOException, InterruptedException {
    Client[] clients = Client.values();
    Map<Client, List<String>> commands = new EnumMap<>(Client.class);
    for (Client c : clients) {
      commands.put(c, command(c, stub, target, footprint));
    }
    for (Client c : clients) {
      if (c.appCds()) {
        writeArchive(c, commands.get(c), archive(target, c));
      }
    }
    Map<Client, double[]> millis = new EnumMap<>(Client.class);
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < clients.length; i++) {
        Client c = clients[(i + r) % clients.length];
        millis.computeIfAbsent(c, k -> new double[rounds])[r] = timeToOk(commands.get(c), c);
      }
    }
    for (Client c : clients) {
      double[] own = millis.get(c);
      table.put(Table.Figure.COLD_START, c, Median.of(own));
      table.putRatio(Table.Figure.COLD_START, c, Median.ofRatios(own, millis.get(c.floor())));
      if (c.rekey() && !c.tls()) { // the Azure clients, each given an azure-core credential
        double[] reference = millis.get(Client.FLOOR_CREDENTIAL);
        table.put(Table.Figure.COLD_START_VS_CREDENTIAL, c, Median.ofRatios(own, reference));
      }
    }
    for (Client c : clients) {
      classes(c, commands.get(c), target, table);
    }
  }

  /**
   * The fresh JVM's command line. Its classpath is also written to {@code
   * target/coldstart-<client>.args}, so one cold call can be repeated by hand: {@code
   * java @target/coldstart-rekey_acr.args -Dbench.stub=http://127.0.0.1:PORT
   * dev.rekey.bench.ColdStart REKEY_ACR}. The benchmark classes come from this module's jar ({@code
   * -Dbench.jar}, set by the pom) when it exists: an AppCDS archive accepts only jars.
   */
  private static List<String> command(Client c, StubProcess stub, Path target, Footprint footprint)
      throws IOException {
    String jar = System.getProperty("bench.jar", "");
    String benchClasses =
        !jar.isEmpty() && Files.isRegularFile(Path.of(jar))
            ? jar
            : target.resolve("classes").toString();
    List<String> cp = new ArrayList<>(List.of(benchClasses));
    footprint.jars(c.artifacts()).forEach(p -> cp.add(p.toString()));
    Files.writeString(
        target.resolve("coldstart-" + c.name().toLowerCase(java.util.Locale.ROOT) + ".args"),
        "-cp " + String.join(File.pathSeparator, cp) + "\n",
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(BenchMain.javaBinary()));
    if (c.appCds()) {
      command.add("-XX:SharedArchiveFile=" + archive(target, c));
    }
    command.addAll(List.of("-cp", String.join(File.pathSeparator, cp)));
    command.addAll(stub.jvmArgs());
    command.addAll(List.of(ColdStart.class.getName(), c.name()));
    return command;
  }

  private static Path archive(Path target, Client c) {
    return target.resolve("appcds-" + c.name().toLowerCase(java.util.Locale.ROOT) + ".jsa");
  }

  /**
   * README's AppCDS recipe, step one: the client's first run with {@code -XX:ArchiveClassesAtExit},
   * which writes the classes it loaded to {@code archive} at exit.
   */
  private static void writeArchive(Client c, List<String> command, Path archive)
      throws IOException, InterruptedException {
    Files.deleteIfExists(archive);
    String use = "-XX:SharedArchiveFile=" + archive;
    List<String> training = new ArrayList<>(command);
    training.replaceAll(arg -> arg.equals(use) ? "-XX:ArchiveClassesAtExit=" + archive : arg);
    timeToOk(training, c);
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException(
          "no AppCDS archive was written for " + c + " (is the benchmark jar on its classpath?)");
    }
  }

  /** One more cold start with class loading logged: the count, and the top packages by count. */
  private static void classes(Client c, List<String> command, Path target, Table table)
      throws IOException, InterruptedException {
    Path log = target.resolve("classload-" + c.name().toLowerCase(java.util.Locale.ROOT) + ".txt");
    List<String> logged = new ArrayList<>(command);
    logged.add(1, "-Xlog:class+load=info:file=" + log + ":none");
    timeToOk(logged, c);
    List<String> names =
        Files.readAllLines(log).stream()
            .map(l -> l.split(" ", 2)[0])
            .filter(n -> !n.isEmpty())
            .toList();
    Map<String, Integer> byPackage = new TreeMap<>();
    int outsideJdk = 0;
    for (String name : names) {
      byPackage.merge(prefix(name), 1, Integer::sum);
      if (!jdk(name)) {
        outsideJdk++;
      }
    }
    table.put(Table.Figure.CLASSES, c, names.size());
    table.put(Table.Figure.CLASSES_OUTSIDE_JDK, c, outsideJdk);
    table.note(
        c.label()
            + " classes by package (top "
            + TOP
            + " of "
            + names.size()
            + "): "
            + byPackage.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
  }

  /**
   * The class's package cut to {@value #DEPTH} names, e.g. {@code tools.jackson.databind.deser.X} →
   * {@code tools.jackson.databind}.
   */
  static String prefix(String className) {
    int end = className.lastIndexOf('.');
    String pkg = end < 0 ? "(default)" : className.substring(0, end);
    String[] parts = pkg.split("\\.");
    return String.join(".", Arrays.copyOf(parts, Math.min(DEPTH, parts.length)));
  }

  private static boolean jdk(String name) {
    return name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")
        || name.startsWith("com.sun.");
  }

  private static double timeToOk(List<String> command, Client c)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuilder seen = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.equals("OK")) {
          double ms = (System.nanoTime() - start) / 1e6;
          r.transferTo(java.io.Writer.nullWriter());
          p.waitFor();
          return ms;
        }
        seen.append(line).append('\n');
      }
    }
    p.waitFor();
    throw new IllegalStateException("cold start of " + c + " failed:\n" + seen);
  }
}
