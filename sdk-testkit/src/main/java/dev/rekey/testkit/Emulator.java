package dev.rekey.testkit;

import dev.rekey.testkit.internal.NoDelayServerSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Protocol;

/**
 * The base of every Rekey emulator: a real HTTP server on a free loopback port that records each
 * request, applies {@link Faults}, and hands the rest to the service behaviour a subclass defines.
 * Start it, point a client's endpoint at {@link #baseUrl()}, and {@link #close()} it when done.
 */
public abstract class Emulator implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();
  private final Faults faults = new Faults();
  private final List<RecordedRequest> received = new ArrayList<>();

  /** Creates an emulator that is not yet listening. */
  protected Emulator() {
    server.setServerSocketFactory(new NoDelayServerSockets());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return Emulator.this.dispatch(request);
          }
        });
  }

  /**
   * Starts listening on a free port of 127.0.0.1.
   *
   * @throws UncheckedIOException if no port can be bound
   */
  public final void start() {
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the emulator on loopback", e);
    }
  }

  /**
   * Serves HTTPS with {@code socketFactory}'s certificate; call before {@link #start()}. It speaks
   * HTTP/1.1 only: over HTTP/2 MockWebServer ignores the connection drops that {@link Faults}
   * inject.
   */
  protected final void useHttps(SSLSocketFactory socketFactory) {
    server.useHttps(socketFactory);
    server.setProtocols(List.of(Protocol.HTTP_1_1));
  }

  /** Asks connecting clients for a certificate and refuses those without one; call before start. */
  protected final void requireClientCertificate() {
    server.requireClientAuth();
  }

  /** Asks connecting clients for a certificate, letting those without one in; call before start. */
  protected final void requestClientCertificate() {
    server.requestClientAuth();
  }

  /** Returns the emulator's base URL, e.g. {@code http://127.0.0.1:54321/}: a client's endpoint. */
  public final URI baseUrl() {
    return server.url("/").uri();
  }

  /** Returns the fault injection shared by all emulators. */
  public final Faults faults() {
    return faults;
  }

  /** Returns every request received so far, faulted ones included, in arrival order. */
  public final synchronized List<RecordedRequest> requests() {
    return List.copyOf(received);
  }

  /** Returns how many requests matched {@code method} and a path matching {@code pathRegex}. */
  public final synchronized long count(String method, String pathRegex) {
    return received.stream()
        .filter(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().matches(pathRegex))
        .count();
  }

  /** Forgets recorded requests and pending faults, and resets the service state. */
  public final void reset() {
    synchronized (this) {
      received.clear();
    }
    faults.clear();
    resetState();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.close();
  }

  /** Returns the service's answer to {@code request}; called for every request no fault took. */
  protected abstract MockResponse handle(RecordedRequest request);

  /** Resets the service state to what it was after construction. */
  protected abstract void resetState();

  /** Returns the service's error answer for a fault status (e.g. 429) in its own error format. */
  protected abstract MockResponse errorResponse(int status, String code, String message);

  /**
   * Returns the error code the service sends with an injected fault status: Azure's codes for the
   * common ones ({@code TooManyRequests}, {@code InternalServerError}, {@code ServiceUnavailable},
   * ...). Emulators of services with other codes override it.
   */
  protected String faultCode(int status) {
    return switch (status) {
      case 400 -> "BadRequest";
      case 401 -> "AuthenticationFailed";
      case 403 -> "AuthorizationFailed";
      case 404 -> "ResourceNotFound";
      case 408 -> "RequestTimeout";
      case 409 -> "Conflict";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalServerError";
      case 502 -> "BadGateway";
      case 503 -> "ServiceUnavailable";
      case 504 -> "GatewayTimeout";
      default -> "HttpStatus" + status;
    };
  }

  private MockResponse dispatch(RecordedRequest request) {
    synchronized (this) {
      received.add(request);
    }
    Faults.Fault fault = faults.next(request).orElse(null);
    if (fault instanceof Faults.Fault.Status s) {
      MockResponse.Builder b =
          errorResponse(s.status(), faultCode(s.status()), "injected by the emulator").newBuilder();
      s.headers().forEach(b::setHeader);
      return b.build();
    }
    if (fault instanceof Faults.Fault.DropBeforeProcessing) {
      return new MockResponse.Builder()
          .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
          .build();
    }
    if (fault instanceof Faults.Fault.Replace r && !r.processed()) {
      return FaultAnswers.replace(new MockResponse.Builder().code(200).build(), r);
    }
    MockResponse answer = handle(request);
    if (fault instanceof Faults.Fault.DropAfterProcessing) {
      return answer.newBuilder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }
    if (fault instanceof Faults.Fault.CutOffMidBody) {
      return FaultAnswers.cutOffMidBody(answer);
    }
    if (fault instanceof Faults.Fault.Delay d) {
      return answer.newBuilder().headersDelay(d.delay().toMillis(), TimeUnit.MILLISECONDS).build();
    }
    if (fault instanceof Faults.Fault.Replace r) {
      return FaultAnswers.replace(answer, r);
    }
    if (fault instanceof Faults.Fault.AddHeaders h) {
      MockResponse.Builder b = answer.newBuilder();
      h.headers().forEach(b::setHeader);
      return b.build();
    }
    return answer;
  }
}
