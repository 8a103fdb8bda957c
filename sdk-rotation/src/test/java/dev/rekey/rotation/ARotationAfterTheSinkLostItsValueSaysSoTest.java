package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sink that holds nothing although the journal says a rotation published a value has lost it: the
 * next rotate is due whatever the policy says, publishes a new value (restoring the sink) and says
 * the sink lost the published one, instead of passing for a first rotation; the dry run gives the
 * same reason.
 */
class ARotationAfterTheSinkLostItsValueSaysSoTest {
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

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"ONTAP", "NETAPP", "STORAGE"})
  void theNextRotateSaysTheSinkLostThePublishedValueAndRestoresIt(Kind kind) throws IOException {
    FileSink sink = FileSink.of(dir.resolve(kind + ".json"));
    Case c = kind.create(world, sink);
    c.seed();
    MemoryJournal journal = new MemoryJournal();
    RotationResult first = Rotator.builder().sink(sink).journal(journal).build().rotate(c.target());
    Rotator rotator =
        Rotator.builder()
            .sink(sink)
            .journal(journal)
            .policy(Policy.olderThan(Duration.ofDays(30)))
            .build();
    assertThat(first.status()).isEqualTo(Status.COMPLETED);
    Slot published = sink.current(c.target().id()).orElseThrow().slot();
    Files.delete(sink.file());
    String lost =
        "due regardless of the policy: the sink holds no value, though rotation "
            + first.rotationId()
            + " published slot "
            + published
            + " (journal): the sink lost it";

    RotationPlan plan = rotator.plan(c.target());
    RotationResult again = rotator.rotate(c.target());

    assertThat(plan.due()).isTrue();
    assertThat(plan.reason()).startsWith(lost.substring("due regardless of the policy: ".length()));
    assertThat(again.status()).isEqualTo(Status.COMPLETED);
    assertThat(again.reason()).contains(lost);
    assertThat(sink.current(c.target().id()).orElseThrow().rotationId())
        .isEqualTo(again.rotationId());
    assertThat(c.currentWorks()).isTrue();
  }
}
