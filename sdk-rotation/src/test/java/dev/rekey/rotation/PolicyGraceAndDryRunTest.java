package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationResult.Status;
import dev.rekey.testkit.StorageKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy makes a job idempotent, the grace period defers retirement, a dry run sends nothing.
 */
class PolicyGraceAndDryRunTest {
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

  private StorageKeys keys(Case c) {
    String account = c.target().id().substring("storage:rg/".length());
    return world.emulators.armStorage().account(World.SUB, "rg", account).orElseThrow();
  }

  @Test
  void runningTwiceInARowRotatesAStorageKeyOnceByItsCreationTime() {
    world.emulators.armStorage().clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-40)));
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("a.json")));
    world.emulators.armStorage().clock(Clock.systemUTC());
    c.seed();
    Rotator rotator =
        Rotator.builder()
            .journal(new MemoryJournal())
            .sink(c.sink())
            .policy(Policy.olderThan(Duration.ofDays(30)))
            .build();

    RotationResult first = rotator.rotate(c.target());
    RotationResult second = rotator.rotate(c.target());

    assertThat(first.status()).isEqualTo(Status.COMPLETED);
    assertThat(second.status()).isEqualTo(Status.NOT_DUE);
    assertThat(keys(c).regenerations("key2")).isEqualTo(1);
    assertThat(keys(c).regenerations("key1")).isEqualTo(1);
  }

  @Test
  void anAcrPasswordRotatesOnlyWhenItExpiresWithinTheWindow() {
    Case c = Kind.ACR.create(world, FileSink.of(dir.resolve("b.json")));
    c.seed();
    int before = c.changes().getAsInt();
    MemoryJournal journal = new MemoryJournal();

    RotationResult notYet =
        Rotator.builder()
            .journal(journal)
            .sink(c.sink())
            .policy(Policy.expiringWithin(Duration.ofDays(5)))
            .build()
            .rotate(c.target());
    RotationResult due =
        Rotator.builder()
            .journal(journal)
            .sink(c.sink())
            .policy(Policy.expiringWithin(Duration.ofDays(31)))
            .build()
            .rotate(c.target());

    assertThat(notYet.status()).isEqualTo(Status.NOT_DUE);
    assertThat(due.status()).isEqualTo(Status.COMPLETED);
    assertThat(c.changes().getAsInt() - before).isEqualTo(2);
  }

  @Test
  void orExpiringWithinAddsItsWindowToThePolicyInsteadOfReplacingIt() {
    Case c = Kind.ACR.create(world, FileSink.of(dir.resolve("or.json")));
    c.seed();
    int before = c.changes().getAsInt();
    MemoryJournal journal = new MemoryJournal();
    Policy[] policies = {
      Policy.always().orExpiringWithin(Duration.ofDays(5)),
      Policy.expiringWithin(Duration.ofDays(31)).orExpiringWithin(Duration.ofDays(5)),
      Policy.expiringWithin(Duration.ofDays(5)).orExpiringWithin(Duration.ofDays(31))
    };

    for (Policy policy : policies) {
      assertThat(
              Rotator.builder()
                  .journal(journal)
                  .sink(c.sink())
                  .policy(policy)
                  .build()
                  .rotate(c.target())
                  .status())
          .as("the password expires in 30 days; %s", policy)
          .isEqualTo(Status.COMPLETED);
    }
    assertThat(
            Rotator.builder()
                .journal(journal)
                .sink(c.sink())
                .policy(
                    Policy.expiringWithin(Duration.ofDays(1)).orExpiringWithin(Duration.ofDays(5)))
                .build()
                .rotate(c.target())
                .status())
        .isEqualTo(Status.NOT_DUE);
    assertThat(c.changes().getAsInt() - before).as("two generations per rotation").isEqualTo(6);
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aNetAppKeyPairRotatesWhenNothingIsPublishedThenNotUntilNearItsExpiry() {
    Case c = Kind.NETAPP.create(world, FileSink.of(dir.resolve("c.json")));
    Rotator rotator =
        Rotator.builder()
            .journal(new MemoryJournal())
            .sink(c.sink())
            .policy(Policy.olderThan(Duration.ofDays(365)).orExpiringWithin(Duration.ofDays(7)))
            .build();

    assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.COMPLETED);
    assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.NOT_DUE);
    assertThat(c.changes().getAsInt()).isEqualTo(1);
    assertThat(c.sink().current(c.target().id()).orElseThrow().credential().expiry()).isPresent();
  }

  @Test
  void theOldSlotIsRetiredOnlyByARunAfterTheGracePeriod() {
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("d.json")));
    c.seed();
    MutableClock clock = new MutableClock(Instant.now());
    Rotator rotator =
        Rotator.builder()
            .journal(new MemoryJournal())
            .sink(c.sink())
            .retireAfter(Duration.ofHours(24))
            .clock(clock)
            .build();

    assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.AWAITING_RETIRE);
    assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.AWAITING_RETIRE);
    assertThat(keys(c).regenerations("key1")).as("old key alive during grace").isZero();
    assertThat(keys(c).regenerations("key2")).isEqualTo(1);
    assertThat(c.currentWorks()).isTrue();

    clock.advance(Duration.ofHours(24));
    assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.COMPLETED);
    assertThat(keys(c).regenerations("key1")).isEqualTo(1);
    assertThat(keys(c).regenerations("key2")).isEqualTo(1);
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aDryRunShowsThePlanAndSendsNothing() {
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("e.json")));
    c.seed();
    long posts = world.emulators.armStorage().count("POST", ".*/regenerateKey");
    Published before = c.sink().current(c.target().id()).orElseThrow();
    MemoryJournal journal = new MemoryJournal();

    RotationPlan plan = Rotator.builder().journal(journal).sink(c.sink()).build().plan(c.target());

    assertThat(plan.due()).isTrue();
    assertThat(plan.steps())
        .containsExactly("REGENERATE key2", "VERIFY key2", "PUBLISH key2", "RETIRE key1");
    assertThat(plan.toString())
        .contains("plan for " + c.target().id() + ": rotate", "  REGENERATE key2");
    assertThat(world.emulators.armStorage().count("POST", ".*/regenerateKey")).isEqualTo(posts);
    assertThat(c.sink().current(c.target().id())).contains(before);
    assertThat(journal.all()).isEmpty();
  }
}
