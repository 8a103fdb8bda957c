package dev.rekey.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The stub every benchmark calls: plain HTTP/1.1 on 127.0.0.1 (and HTTPS on a second port, for the
 * clients that refuse plain HTTP) with keep-alive, answering each call with a canned, pre-encoded
 * response chosen by path alone (no state, no parsing). Run in its own JVM by {@link BenchMain}; it
 * prints {@code READY <http port> <https port> <truststore>} and serves until its stdin closes.
 */
public final class StubServer {
  static final String TRUST_PASSWORD = "changeit";

  private static final byte[] ACR =
      bytes(
          "{\"username\":\"benchtoken\",\"passwords\":["
              + "{\"creationTime\":\"2026-01-01T00:00:00Z\",\"expiry\":\"2027-01-01T00:00:00Z\",\"name\":\"password1\","
              + "\"value\":\""
              + "a".repeat(52)
              + "\"}]}");
  private static final byte[] NETAPP =
      bytes(
          "{\"accessKey\":\""
              + "A".repeat(20)
              + "\","
              + "\"keyPairExpiry\":\"2027-01-01T00:00:00Z\",\"secretKey\":\""
              + "b".repeat(40)
              + "\"}");
  private static final byte[] ARM_KEYS =
      bytes(
          "{\"keys\":["
              + "{\"creationTime\":\"2026-01-01T00:00:00Z\",\"keyName\":\"key1\",\"permissions\":\"FULL\",\"value\":\""
              + "c".repeat(88)
              + "\"},"
              + "{\"creationTime\":\"2026-01-01T00:00:00Z\",\"keyName\":\"key2\",\"permissions\":\"FULL\",\"value\":\""
              + "d".repeat(88)
              + "\"}]}");
  private static final byte[] CLASSIC =
      bytes(
          "<StorageService xmlns=\"http://schemas.microsoft.com/windowsazure\""
              + " xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\">"
              + "<Url>https://127.0.0.1/services/storageservices/benchstore</Url>"
              + "<ServiceName>benchstore</ServiceName><StorageServiceKeys><Primary>"
              + "e".repeat(88)
              + "</Primary>"
              + "<Secondary>"
              + "f".repeat(88)
              + "</Secondary></StorageServiceKeys><ExtendedProperties i:nil=\"true\"/>"
              + "<Capabilities><Capability>Storage</Capability></Capabilities><MigrationState/></StorageService>");
  private static final byte[] ONTAP = bytes("{}");

  private StubServer() {}

  /** Starts the stub on an ephemeral port; {@code args[0]} is the directory for the trust store. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    HeldCertificate cert =
        new HeldCertificate.Builder()
            .commonName("127.0.0.1")
            .addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("localhost")
            .build();
    Path trust = writeTrustStore(cert, dir.resolve("stub-truststore.p12"));
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(cert).build();
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    https.setHttpsConfigurator(new HttpsConfigurator(server.sslContext()));
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    ExecutorService workers = Executors.newFixedThreadPool(16);
    for (HttpServer s : new HttpServer[] {http, https}) {
      s.setExecutor(workers);
      s.createContext("/", StubServer::answer);
      s.start();
    }
    PrintStream out = System.out;
    out.println(
        "READY " + http.getAddress().getPort() + " " + https.getAddress().getPort() + " " + trust);
    out.flush();
    // Serve until the launcher closes our stdin (or dies).
    while (System.in.read() >= 0) {
      // ignore input
    }
    http.stop(0);
    https.stop(0);
    workers.shutdownNow();
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    String path = exchange.getRequestURI().getPath();
    int status = 200;
    String type = "application/json";
    byte[] body;
    if (path.contains("/Microsoft.ContainerRegistry/")) {
      body = ACR;
    } else if (path.contains("/Microsoft.NetApp/")) {
      body = NETAPP;
    } else if (path.endsWith("/regenerateKey")) {
      body = ARM_KEYS;
    } else if (path.contains("/services/storageservices/")) {
      body = CLASSIC;
      type = "application/xml; charset=utf-8";
    } else if (path.equals("/api/security/authentication/password")) {
      status = 201;
      body = ONTAP;
      type = "application/hal+json";
    } else {
      status = 404;
      body =
          bytes(
              "{\"error\":{\"code\":\"NotFound\",\"message\":\"no canned answer for "
                  + path
                  + "\"}}");
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("x-ms-request-id", "00000000-0000-0000-0000-000000000001");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Path writeTrustStore(HeldCertificate cert, Path file) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("stub", cert.certificate());
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, TRUST_PASSWORD.toCharArray());
    }
    return file.toAbsolutePath();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
