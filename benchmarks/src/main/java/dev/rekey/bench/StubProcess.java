package dev.rekey.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The stub server running in its own JVM, and the JVM arguments that point a client at it. */
final class StubProcess implements AutoCloseable {
  private final Process process;
  private final int httpPort;
  private final int httpsPort;
  private final String trustStore;

  private StubProcess(Process process, int httpPort, int httpsPort, String trustStore) {
    this.process = process;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
    this.trustStore = trustStore;
  }

  static StubProcess start(Path dir, Pinning pinning) throws IOException {
    // nodelay: without it the JDK server's separate header and body writes meet the client's
    // delayed
    // ACK and every call takes ~40 ms (Nagle), which would make the stub the bottleneck.
    List<String> command = new ArrayList<>(pinning.stubJava());
    command.addAll(
        List.of(
            "-Dsun.net.httpserver.nodelay=true",
            "-cp",
            System.getProperty("java.class.path"),
            StubServer.class.getName(),
            dir.toAbsolutePath().toString()));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    if (line == null || !line.startsWith("READY ")) {
      p.destroyForcibly();
      throw new IllegalStateException("the stub did not start: " + line);
    }
    String[] f = line.split(" ", 4);
    return new StubProcess(p, Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]);
  }

  /**
   * Returns the CPU time the stub has used so far (user + system), or -1 where /proc is missing.
   */
  double cpuSeconds() {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12]))
          / 100.0; // utime, stime in USER_HZ (100)
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Returns the port {@code client} talks to: the HTTPS one if it needs TLS, else the plain HTTP
   * one.
   */
  int port(Client client) {
    return client.tls() ? httpsPort : httpPort;
  }

  /** The system properties a JVM needs to call the stub and trust its certificate. */
  List<String> jvmArgs() {
    return List.of(
        "-Dbench.stub=http://127.0.0.1:" + httpPort,
        "-Dbench.stub.tls=https://127.0.0.1:" + httpsPort,
        "-Djavax.net.ssl.trustStore=" + trustStore,
        "-Djavax.net.ssl.trustStorePassword=" + StubServer.TRUST_PASSWORD,
        "-Djavax.net.ssl.trustStoreType=PKCS12");
  }

  /** Sets the same properties in this JVM (before it first uses TLS). */
  void applyTo(Properties props) {
    for (String arg : jvmArgs()) {
      String[] kv = arg.substring(2).split("=", 2);
      props.setProperty(kv[0], kv[1]);
    }
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
