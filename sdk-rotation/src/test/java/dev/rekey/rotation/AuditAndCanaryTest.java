package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rekey.core.Secret;
import dev.rekey.core.test.CanarySweep;
import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationEvent.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every step is one audit event (listener and the {@code dev.rekey.rotation} logger) with rotation
 * id, target, slot, step, outcome and duration; no event, log line or journal line carries a secret
 * the emulators issued, while the sink file does (so the scan can find one).
 */
class AuditAndCanaryTest {
  private static World world;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    world = new World();
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void eachStepIsOneEventAndNoJournalLineEventOrLogLineCarriesAnIssuedSecret() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.rekey.rotation");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    List<RotationEvent> events = new ArrayList<>();
    Path journalFile = dir.resolve("audit.journal");
    List<Path> sinkFiles = new ArrayList<>();
    List<Secret> issued = new ArrayList<>();
    try (FileJournal journal = FileJournal.open(journalFile)) {
      for (Kind kind : List.of(Kind.STORAGE, Kind.CLASSIC, Kind.ACR, Kind.NETAPP)) {
        Path file = dir.resolve(kind + ".json");
        sinkFiles.add(file);
        Case c = kind.create(world, FileSink.of(file));
        c.seed();
        Rotator.builder()
            .journal(journal)
            .sink(c.sink())
            .listener(events::add)
            .build()
            .rotate(c.target());
        issued.addAll(
            c.sink().current(c.target().id()).orElseThrow().credential().parts().values());
      }
    } finally {
      logger.detachAppender(logged);
    }

    List<RotationEvent> storage =
        events.stream().filter(e -> e.targetId().startsWith("storage:")).toList();
    assertThat(storage)
        .extracting(RotationEvent::step)
        .containsExactly(
            Step.START, Step.REGENERATE, Step.VERIFY, Step.PUBLISH, Step.RETIRE, Step.COMPLETE);
    assertThat(storage)
        .allSatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(Outcome.DONE);
              assertThat(e.rotationId()).isEqualTo(storage.get(0).rotationId());
              assertThat(e.slot()).isPresent();
              assertThat(e.duration().isNegative()).isFalse();
            });
    assertThat(storage.get(4).slot().orElseThrow().name()).isEqualTo("key1");
    assertThat(logged.list).hasSameSizeAs(events);
    assertThat(logged.list.get(0).getFormattedMessage())
        .contains("rotation=", "target=", "slot=", "step=START", "outcome=DONE", "durationMs=");

    String journalText = Files.readString(journalFile);
    List<String> texts = new ArrayList<>(Files.readAllLines(journalFile));
    events.forEach(e -> texts.add(e.toString()));
    logged.list.forEach(e -> texts.add(e.getFormattedMessage()));
    assertThat(texts).noneMatch(CanarySweep::carriesCanary);
    for (Secret s : issued) {
      assertThat(journalText).doesNotContain(s.reveal());
    }
    assertThat(sinkFiles)
        .allMatch(f -> CanarySweep.carriesCanary(read(f)), "the sink file holds the issued secret");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
