package dev.rekey.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.ServiceException;
import dev.rekey.core.TransportException;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.testkit.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client × every fault over real HTTP against the testkit emulators, on a fake clock: each
 * cell asserts the promised outcome, the rotation requests the emulator received, the rotations it
 * applied and the waits recorded, and the whole matrix is written to {@code
 * target/fault-matrix.md}.
 */
class FaultMatrixTest {
  private static final Map<Target, Emulator> EMULATORS = new EnumMap<>(Target.class);
  private static final MatrixReport REPORT = new MatrixReport();

  @BeforeAll
  static void startEmulators() {
    for (Target t : Target.values()) {
      Emulator e = t.newEmulator();
      e.start();
      EMULATORS.put(t, e);
    }
  }

  @AfterAll
  static void writeReport() throws IOException {
    EMULATORS.values().forEach(Emulator::close);
    REPORT.write();
  }

  static Stream<Arguments> cells() {
    return Arrays.stream(FaultCase.values())
        .flatMap(f -> Arrays.stream(Target.values()).map(t -> Arguments.of(f, t)));
  }

  @ParameterizedTest(name = "{0} × {1}")
  @MethodSource("cells")
  void rotationEndsAsPromised(FaultCase fault, Target target) {
    var notApplicable = fault.notApplicable(target);
    if (notApplicable.isPresent()) {
      REPORT.record(fault, target, "n/a", notApplicable.get());
      return;
    }
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> runCell(fault, target));
  }

  private static void runCell(FaultCase fault, Target target) {
    Emulator emulator = EMULATORS.get(target);
    FakeTime time = new FakeTime();
    ClientOptions.Builder options =
        Target.options(emulator)
            .timeSource(time)
            .readTimeout(
                Duration.ofSeconds(fault == FaultCase.READ_TIMEOUT ? 0 : 5).plusMillis(300))
            .pollingPolicy(PollingPolicy.builder().timeout(Duration.ofMinutes(2)).build());
    if (fault == FaultCase.OVERSIZED_BODY || fault == FaultCase.POLL_OVERSIZED) {
      options.maxResponseBytes(1024);
    }
    if (fault == FaultCase.CONNECTION_REFUSED) {
      options.endpoint(closedPort(emulator.baseUrl().getScheme()));
    }
    FaultCase.Expect expect = fault.expectFor(target);
    try (Target.Session session = target.open(emulator, options.build(), fault.confirms())) {
      fault.inject(
          emulator.faults(),
          emulator.faults().matching("POST", target.rotationPathRegex()),
          emulator.faults().matching("GET", target.pollPathRegex()),
          time);
      Throwable error = outcome(session);
      long requests = target.rotationRequests(emulator);
      int attempts = attempts(error, requests);
      REPORT.record(fault, target, name(error) + "·" + attempts, null);
      if (expect.error() == null) {
        assertThat(error).as("%s × %s", fault, target).isNull();
      } else {
        assertThat(error).as("%s × %s", fault, target).isInstanceOf(expect.error());
        assertThat(error.getClass().getName())
            .as("%s × %s thrown type", fault, target)
            .doesNotContain(".internal.");
      }
      assertThat(requests).as("rotation requests received").isEqualTo(expect.attempts());
      assertThat(session.applied()).as("rotations applied").isEqualTo(expect.applied());
      if (fault == FaultCase.CONNECTION_REFUSED) {
        TransportException refused = (TransportException) error;
        assertThat(refused.attempts()).isEqualTo(4);
        assertThat(refused.mayHaveReachedServer()).isFalse();
        assertThat(time.waits()).hasSize(3);
      } else if (expect.error() == null) {
        assertThat(time.waits()).as("waits").containsExactlyElementsOf(expect.waits());
      }
      if (error instanceof ServiceException refused && fault.redirectStatus() != 0) {
        assertThat(refused.statusCode()).isEqualTo(fault.redirectStatus());
        assertThat(refused.getMessage()).contains("not sent on");
      }
      if (error instanceof OutcomeUnknownException unknown) {
        assertThat(unknown.attempts()).as("attempts counted").isEqualTo(expect.attempts());
        if (fault.name().startsWith("OPERATION_")
            || fault == FaultCase.STATUS_BODY_MALFORMED
            || fault == FaultCase.LOCATION_404
            || fault == FaultCase.POLL_OVERSIZED) {
          assertThat(unknown.operationId()).as("operation id of an accepted rotation").isPresent();
        }
      }
      if (fault == FaultCase.UNAUTHORIZED_ONCE) {
        var rotations =
            emulator.requests().stream()
                .filter(r -> r.getMethod().equals("POST"))
                .map(RecordedRequest::getHeaders)
                .toList();
        assertThat(rotations.get(0).get("Authorization"))
            .isNotEqualTo(rotations.get(1).get("Authorization"));
      }
    }
  }

  private static Throwable outcome(Target.Session session) {
    try {
      session.rotate();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static int attempts(Throwable error, long requests) {
    if (error instanceof TransportException t) {
      return t.attempts();
    }
    if (error instanceof OutcomeUnknownException u) {
      return u.attempts();
    }
    return (int) requests;
  }

  private static String name(Throwable error) {
    if (error == null) {
      return "ok";
    }
    String simple = error.getClass().getSimpleName().replace("Exception", "");
    return error instanceof ServiceException s
        ? simple + "(" + s.error().statusCode() + ")"
        : simple;
  }

  private static URI closedPort(String scheme) {
    try (ServerSocket socket = new ServerSocket(0)) {
      return URI.create(scheme + "://127.0.0.1:" + socket.getLocalPort() + "/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
