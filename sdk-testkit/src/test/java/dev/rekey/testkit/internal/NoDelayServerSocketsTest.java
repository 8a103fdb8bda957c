package dev.rekey.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Emulated answers are not held back by Nagle's algorithm: accepted sockets set TCP_NODELAY. */
class NoDelayServerSocketsTest {
  @Test
  void acceptedConnectionsSendAtOnce() throws Exception {
    try (ServerSocket server =
            new NoDelayServerSockets().createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        Socket accepted = server.accept()) {
      assertThat(client.isConnected()).isTrue();
      assertThat(accepted.getTcpNoDelay()).isTrue();
    }
  }
}
