package dev.rekey.core.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal HTTP proxy stand-in on a loopback port: for each connection it reads one request head
 * (request line and headers, exactly as sent), records it, writes one fixed raw response and
 * closes. It forwards nothing, so it shows what a client says to a proxy, {@code CONNECT} tunnels
 * included, which WireMock's parsed view hides.
 */
public final class RecordingProxy implements AutoCloseable {
  private final ServerSocket socket;
  private final byte[] response;
  private final List<List<String>> heads = new ArrayList<>();
  private final Thread acceptor;

  private RecordingProxy(byte[] response) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.response = response;
    this.acceptor = new Thread(this::serve, "recording-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a proxy that answers every request with {@code rawResponse} (status line, headers, blank
   * line and body, CRLF line ends) and then closes the connection.
   */
  public static RecordingProxy answering(String rawResponse) {
    try {
      return new RecordingProxy(rawResponse.getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the port the proxy listens on (loopback only). */
  public int port() {
    return socket.getLocalPort();
  }

  /** Returns every request head received so far: its request line first, then its header lines. */
  public synchronized List<List<String>> heads() {
    return List.copyOf(heads);
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket connection = socket.accept()) {
        connection.setSoTimeout(5_000);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        List<String> head = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          head.add(line);
        }
        synchronized (this) {
          heads.add(List.copyOf(head));
        }
        OutputStream out = connection.getOutputStream();
        out.write(response);
        out.flush();
      } catch (IOException e) {
        // closed by close(), or a client that went away: either way, wait for the next connection
      }
    }
  }

  /** Stops listening. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
