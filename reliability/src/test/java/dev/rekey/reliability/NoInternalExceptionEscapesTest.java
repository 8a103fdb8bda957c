package dev.rekey.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.RekeyException;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.test.FakeTime;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.Emulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure path of every client, sync and async: each fault of the matrix plus hostile and
 * malformed bodies on the rotation answer and on the status answers of an accepted rotation.
 * Whatever a call ends with, its type is public API ({@link RekeyException} or a subclass outside
 * any {@code .internal.} package), never an internal type such as {@code MalformedBodyException}.
 */
class NoInternalExceptionEscapesTest {
  private static final Map<Target, Emulator> EMULATORS = new EnumMap<>(Target.class);
  private static final String DEEP_JSON = "[".repeat(20_000);
  private static final String HOSTILE_XML =
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><r>&b;</r>";

  /** A named way to break one call: injected into the emulator's faults before the rotation. */
  record Shape(String name, BiConsumer<Emulator, Target> inject) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void startEmulators() {
    for (Target t : Target.values()) {
      Emulator e = t.newEmulator();
      e.start();
      EMULATORS.put(t, e);
    }
  }

  @AfterAll
  static void stopEmulators() {
    EMULATORS.values().forEach(Emulator::close);
  }

  static Stream<Arguments> paths() {
    List<Shape> shapes = new ArrayList<>();
    for (FaultCase fault : FaultCase.values()) {
      if (fault != FaultCase.CONNECTION_REFUSED) {
        shapes.add(
            new Shape(
                fault.title,
                (e, t) ->
                    fault.inject(
                        e.faults(),
                        e.faults().matching("POST", t.rotationPathRegex()),
                        e.faults().matching("GET", t.pollPathRegex()),
                        new FakeTime())));
      }
    }
    shapes.add(
        new Shape(
            "accepted (202) with its body cut short",
            (e, t) -> {
              e.faults().planNextOperation(AsyncPlan.asyncOperation(1));
              e.faults().matching("POST", t.rotationPathRegex()).truncateBody(1);
            }));
    for (String body :
        List.of(
            DEEP_JSON, HOSTILE_XML, "{\"keys\":[{\"keyName\":1}],\"passwords\":{}}", "null", "")) {
      String shown = body.length() > 20 ? body.substring(0, 20) + "…" : body;
      shapes.add(
          new Shape(
              "rotation answered 200 with " + shown,
              (e, t) ->
                  e.faults()
                      .matching("POST", t.rotationPathRegex())
                      .replaceBody(1, "application/json", body)));
      shapes.add(
          new Shape(
              "status answered with " + shown,
              (e, t) -> {
                e.faults().planNextOperation(AsyncPlan.asyncOperation(1));
                e.faults()
                    .matching("GET", t.pollPathRegex())
                    .replaceBody(1, "application/json", body);
              }));
      shapes.add(
          new Shape(
              "Location answered 200 with " + shown,
              (e, t) -> {
                e.faults().planNextOperation(AsyncPlan.location(1));
                e.faults()
                    .matching("GET", t.pollPathRegex())
                    .replaceBody(2, "application/json", body);
              }));
    }
    return Stream.of(Target.values())
        .flatMap(
            t ->
                shapes.stream()
                    .flatMap(s -> Stream.of(Arguments.of(t, s, false), Arguments.of(t, s, true))));
  }

  @ParameterizedTest(name = "{0} × {1} × async {2}")
  @MethodSource("paths")
  void noFailureReachesTheCallerAsAnInternalType(Target target, Shape shape, boolean async) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          Emulator emulator = EMULATORS.get(target);
          ClientOptions options =
              Target.options(emulator)
                  .timeSource(new FakeTime())
                  .maxResponseBytes(shape.name().contains("oversized") ? 1024 : 4 * 1024 * 1024)
                  .readTimeout(
                      Duration.ofMillis(shape.name().contains("read timeout") ? 300 : 5_000))
                  .pollingPolicy(PollingPolicy.builder().timeout(Duration.ofMinutes(2)).build())
                  .build();
          try (Target.Session session = target.open(emulator, options)) {
            shape.inject().accept(emulator, target);
            Throwable error = outcome(session, async);
            if (error != null) {
              assertThat(error).as("%s × %s", target, shape).isInstanceOf(RekeyException.class);
              assertThat(error.getClass().getName())
                  .as("thrown type of %s × %s", target, shape)
                  .doesNotContain(".internal.");
            }
          }
        });
  }

  private static Throwable outcome(Target.Session session, boolean async) throws Exception {
    try {
      if (async) {
        session.rotateAsync().get(15, TimeUnit.SECONDS);
      } else {
        session.rotate();
      }
      return null;
    } catch (java.util.concurrent.ExecutionException | CompletionException e) {
      return e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
  }
}
