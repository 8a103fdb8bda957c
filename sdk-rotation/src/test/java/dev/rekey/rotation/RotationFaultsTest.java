package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.rotation.Kind.Case;
import dev.rekey.rotation.RotationResult.Status;
import dev.rekey.rotation.ontap.OntapPasswordTarget;
import dev.rekey.testkit.StorageKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a rotation does when the sink, the verifier, the journal lock or the service's answers fail.
 */
class RotationFaultsTest {
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

  @AfterEach
  void clearFaults() {
    world.emulators.armStorage().faults().clear();
    world.emulators.ontap().faults().clear();
    world.emulators.acr().faults().clear();
    world.emulators.netApp().faults().clear();
  }

  /** A sink that refuses publish and promote while {@code failing} is set. */
  static final class FlakySink implements Sink {
    final Sink delegate;
    boolean failing = true;

    FlakySink(Sink delegate) {
      this.delegate = delegate;
    }

    @Override
    public void publish(RotationContext context, Credential credential) {
      if (failing) {
        throw new IllegalStateException("sink unavailable");
      }
      delegate.publish(context, credential);
    }

    @Override
    public void stage(RotationContext context, Credential credential) {
      delegate.stage(context, credential);
    }

    @Override
    public void promote(RotationContext context) {
      if (failing) {
        throw new IllegalStateException("sink unavailable");
      }
      delegate.promote(context);
    }

    @Override
    public Optional<Published> current(String targetId) {
      return delegate.current(targetId);
    }

    @Override
    public Optional<Published> pending(String targetId) {
      return delegate.pending(targetId);
    }
  }

  private StorageKeys keys(Case c) {
    String account = c.target().id().substring("storage:rg/".length());
    return world.emulators.armStorage().account(World.SUB, "rg", account).orElseThrow();
  }

  @Test
  void aSinkFailureAfterRegenerationLosesNothingAndResumePublishesTheSameKey() {
    FlakySink sink = new FlakySink(FileSink.of(dir.resolve("s.json")));
    sink.failing = false;
    Case c = Kind.STORAGE.create(world, sink);
    c.seed();
    sink.failing = true;
    Rotator rotator = Rotator.builder().journal(new MemoryJournal()).sink(sink).build();

    assertThatThrownBy(() -> rotator.rotate(c.target()))
        .isInstanceOfSatisfying(
            RotationException.class,
            e -> {
              assertThat(e.resumable()).isTrue();
              assertThat(e.step()).isEqualTo(Step.PUBLISH);
            })
        .hasMessageContaining("slot key1 current")
        .hasMessageContaining("run resume")
        .hasMessageContaining("or abandon");
    assertThat(c.currentWorks()).as("key1 still current and working").isTrue();
    assertThat(keys(c).regenerations("key2")).isEqualTo(1);

    sink.failing = false;
    assertThat(rotator.resume(c.target()).status()).isEqualTo(Status.COMPLETED);
    assertThat(keys(c).regenerations("key2"))
        .as("the new key was re-read, not regenerated")
        .isEqualTo(1);
    assertThat(sink.current(c.target().id()).orElseThrow().slot().name()).isEqualTo("key2");
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void anOntapSinkFailureAtPromoteKeepsTheChangedPasswordPendingInTheSink() {
    FlakySink sink = new FlakySink(FileSink.of(dir.resolve("o.json")));
    sink.failing = false;
    Case c = Kind.ONTAP.create(world, sink);
    c.seed();
    sink.failing = true;
    Rotator rotator = Rotator.builder().journal(new MemoryJournal()).sink(sink).build();

    assertThatThrownBy(() -> rotator.rotate(c.target()))
        .isInstanceOfSatisfying(
            RotationException.class, e -> assertThat(e.step()).isEqualTo(Step.PROMOTE))
        .hasMessageContaining("pending");
    assertThat(c.pendingWorks()).as("the changed password is in the sink as pending").isTrue();

    sink.failing = false;
    assertThat(rotator.resume(c.target()).status()).isEqualTo(Status.COMPLETED);
    assertThat(c.currentWorks()).isTrue();
    assertThat(c.changes().getAsInt()).isEqualTo(1);
  }

  @Test
  void aRejectedNewKeyIsNeverPublishedAndTheExceptionSaysTheOldOneStillHolds() {
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("v.json")));
    c.seed();
    StorageKeyRejecting target = new StorageKeyRejecting((DualSlotTarget) c.target());
    MemoryJournal journal = new MemoryJournal();
    Rotator rotator = Rotator.builder().journal(journal).sink(c.sink()).build();

    assertThatThrownBy(() -> rotator.rotate(target))
        .isInstanceOfSatisfying(
            RotationException.class,
            e -> {
              assertThat(e.resumable()).isFalse();
              assertThat(e.step()).isEqualTo(Step.VERIFY);
              assertThat(e.getCause()).isInstanceOf(VerificationFailedException.class);
            })
        .hasMessageContaining("nothing was published; slot key1 is still current");
    assertThat(c.sink().current(c.target().id()).orElseThrow().rotationId()).isEqualTo("seed");
    assertThat(c.currentWorks()).isTrue();
    assertThat(keys(c).regenerations("key1")).isZero();
    assertThat(journal.all()).last().satisfies(r -> assertThat(r.step()).isEqualTo(Step.ABORT));
    assertThat(rotator.resume(target).status()).isEqualTo(Status.NOTHING_TO_RESUME);
  }

  @Test
  void aSecondRunnerOnALockedJournalRefusesWithAClearError() {
    Path file = dir.resolve("j.journal");
    try (FileJournal first = FileJournal.open(file)) {
      assertThatThrownBy(() -> FileJournal.open(file))
          .isInstanceOf(JournalLockedException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("locked by another rotation runner");
    }
    FileJournal.open(file).close();
  }

  @Test
  void throttledRegenerationsAreRetriedAndTheRotationCompletes() {
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("t.json")));
    c.seed();
    world
        .emulators
        .armStorage()
        .faults()
        .matching("POST", ".*/regenerateKey")
        .throttle(2, Duration.ofMillis(1));
    long posts = world.emulators.armStorage().count("POST", ".*/regenerateKey");

    RotationResult result =
        Rotator.builder().journal(new MemoryJournal()).sink(c.sink()).build().rotate(c.target());

    assertThat(result.status()).isEqualTo(Status.COMPLETED);
    assertThat(keys(c).regenerations("key2")).isEqualTo(1);
    assertThat(keys(c).regenerations("key1")).isEqualTo(1);
    assertThat(world.emulators.armStorage().count("POST", ".*/regenerateKey") - posts)
        .as("two throttled, then key2 and key1")
        .isEqualTo(4);
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aLostRegenerationAnswerStopsResumablyAndResumeRegeneratesTheUnusedSlotOnceMore() {
    Case c = Kind.STORAGE.create(world, FileSink.of(dir.resolve("l.json")));
    c.seed();
    world
        .emulators
        .armStorage()
        .faults()
        .matching("POST", ".*/regenerateKey")
        .dropAfterProcessing(1);
    Rotator rotator = Rotator.builder().journal(new MemoryJournal()).sink(c.sink()).build();

    assertThatThrownBy(() -> rotator.rotate(c.target()))
        .isInstanceOfSatisfying(
            RotationException.class,
            e -> {
              assertThat(e.resumable()).isTrue();
              assertThat(e.step()).isEqualTo(Step.REGENERATE);
              assertThat(e.getCause()).isInstanceOf(OutcomeUnknownException.class);
            });
    assertThat(c.currentWorks()).isTrue();

    assertThat(rotator.resume(c.target()).status()).isEqualTo(Status.COMPLETED);
    assertThat(keys(c).regenerations("key2"))
        .as("one extra regeneration of the unused slot")
        .isEqualTo(2);
    assertThat(keys(c).regenerations("key1")).isEqualTo(1);
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aLostAcrAnswerIsResumedByRegeneratingTheStillUnusedStandbyOnce() {
    Case c = Kind.ACR.create(world, FileSink.of(dir.resolve("acr.json")));
    c.seed();
    int before = c.changes().getAsInt();
    world
        .emulators
        .acr()
        .faults()
        .matching("POST", ".*/generateCredentials.*")
        .dropAfterProcessing(1);
    Rotator rotator = Rotator.builder().journal(new MemoryJournal()).sink(c.sink()).build();

    assertThatThrownBy(() -> rotator.rotate(c.target()))
        .isInstanceOfSatisfying(RotationException.class, e -> assertThat(e.resumable()).isTrue());
    assertThat(c.currentWorks()).as("password1 still current and working").isTrue();

    assertThat(rotator.resume(c.target()).status()).isEqualTo(Status.COMPLETED);
    assertThat(c.changes().getAsInt() - before)
        .as("lost one, password2 again, password1 retired")
        .isEqualTo(3);
    assertThat(c.sink().current(c.target().id()).orElseThrow().slot().name())
        .isEqualTo("password2");
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aThrottledNetAppGenerationIsRetriedAndGeneratesOnce() {
    Case c = Kind.NETAPP.create(world, FileSink.of(dir.resolve("n.json")));
    world
        .emulators
        .netApp()
        .faults()
        .matching("POST", ".*/generateCredentials.*")
        .throttle(2, Duration.ofMillis(1));

    RotationResult result =
        Rotator.builder().journal(new MemoryJournal()).sink(c.sink()).build().rotate(c.target());

    assertThat(result.status()).isEqualTo(Status.COMPLETED);
    assertThat(c.changes().getAsInt()).isEqualTo(1);
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aLostOntapChangeAnswerIsConfirmedByLoginAndChangesOnce() {
    Case c = Kind.ONTAP.create(world, FileSink.of(dir.resolve("p.json")));
    c.seed();
    world
        .emulators
        .ontap()
        .faults()
        .matching("POST", "/api/security/authentication/password")
        .dropAfterProcessing(1);

    RotationResult result =
        Rotator.builder().journal(new MemoryJournal()).sink(c.sink()).build().rotate(c.target());

    assertThat(result.status()).isEqualTo(Status.COMPLETED);
    assertThat(c.changes().getAsInt()).isEqualTo(1);
    assertThat(c.currentWorks()).isTrue();
  }

  @Test
  void aRejectedOntapPasswordIsNotPromotedAndTheExceptionSaysTheServiceHasIt() {
    Case c = Kind.ONTAP.create(world, FileSink.of(dir.resolve("r.json")));
    c.seed();
    OntapPasswordTarget rejecting =
        OntapPasswordTarget.builder()
            .client(world.ontap)
            .user(c.target().id().substring("ontap:".length()))
            .verifier(
                (ctx, cred) -> {
                  throw new VerificationFailedException(
                      ctx.targetId(), cred.slot(), "login refused");
                })
            .build();

    assertThatThrownBy(
            () ->
                Rotator.builder()
                    .journal(new MemoryJournal())
                    .sink(c.sink())
                    .build()
                    .rotate(rejecting))
        .isInstanceOfSatisfying(RotationException.class, e -> assertThat(e.resumable()).isFalse())
        .hasMessageContaining("keeps as pending")
        .hasMessageContaining("no longer logs in");
    assertThat(c.sink().current(c.target().id()).orElseThrow().rotationId()).isEqualTo("seed");
    assertThat(c.pendingWorks()).as("the changed password is not lost").isTrue();
  }

  @Test
  void aPendingOntapPasswordTheAccountHoldsIsPromotedBeforeANewRotationCanLoseIt() {
    Case c = Kind.ONTAP.create(world, FileSink.of(dir.resolve("op.json")));
    c.seed();
    String user = c.target().id().substring("ontap:".length());
    OntapPasswordTarget rejecting =
        OntapPasswordTarget.builder()
            .client(world.ontap)
            .user(user)
            .verifier(
                (ctx, cred) -> {
                  throw new VerificationFailedException(
                      ctx.targetId(), cred.slot(), "login refused");
                })
            .build();
    Rotator rotator = Rotator.builder().journal(new MemoryJournal()).sink(c.sink()).build();
    assertThatThrownBy(() -> rotator.rotate(rejecting)).isInstanceOf(RotationException.class);
    assertThat(c.pendingWorks()).as("the aborted rotation's password is the account's").isTrue();
    world
        .emulators
        .ontap()
        .faults()
        .matching("POST", "/api/security/authentication/password")
        .fail(1, 400);

    assertThatThrownBy(() -> rotator.rotate(c.target()))
        .isInstanceOfSatisfying(
            RotationException.class, e -> assertThat(e.step()).isEqualTo(Step.CHANGE));

    assertThat(c.changes().getAsInt()).as("only the aborted rotation changed it").isEqualTo(1);
    assertThat(c.currentWorks() || c.pendingWorks())
        .as("the sink has the account's password")
        .isTrue();
    assertThat(c.currentWorks()).as("it was promoted before the new value was staged").isTrue();
  }

  @Test
  void aDeadPendingOntapPasswordIsReplacedWhenTheCurrentOneLogsIn() {
    Case c = Kind.ONTAP.create(world, FileSink.of(dir.resolve("od.json")));
    c.seed();
    c.sink()
        .stage(
            RotationContext.of("lost", c.target().id()),
            Credential.of(OntapPasswordTarget.SLOT, Secret.of("Never-Sent-7x")));
    Rotator rotator = Rotator.builder().journal(new MemoryJournal()).sink(c.sink()).build();

    assertThat(rotator.rotate(c.target()).status()).isEqualTo(Status.COMPLETED);
    assertThat(c.changes().getAsInt()).isEqualTo(1);
    assertThat(c.currentWorks()).isTrue();
    assertThat(c.sink().pending(c.target().id())).isEmpty();
  }

  @Test
  void anOntapRotationChangesNothingWhenNeitherThePendingNorTheCurrentPasswordLogsIn() {
    Case c = Kind.ONTAP.create(world, FileSink.of(dir.resolve("on.json")));
    c.sink()
        .publish(
            RotationContext.of("seed", c.target().id()),
            Credential.of(OntapPasswordTarget.SLOT, Secret.of("Stale-Current-7x")));
    c.sink()
        .stage(
            RotationContext.of("lost", c.target().id()),
            Credential.of(OntapPasswordTarget.SLOT, Secret.of("Never-Sent-7x")));
    Rotator rotator = Rotator.builder().journal(new MemoryJournal()).sink(c.sink()).build();

    assertThatThrownBy(() -> rotator.rotate(c.target()))
        .isInstanceOfSatisfying(RotationException.class, e -> assertThat(e.resumable()).isFalse())
        .hasMessageContaining("nothing was changed");
    assertThat(c.changes().getAsInt()).isZero();
    assertThat(c.sink().pending(c.target().id()).orElseThrow().rotationId()).isEqualTo("lost");
    assertThat(c.sink().current(c.target().id()).orElseThrow().rotationId()).isEqualTo("seed");
  }

  @Test
  void aRejectedNetAppPairStillPublishedIsReplacedByTheNextRotateWhateverThePolicy() {
    Case c = Kind.NETAPP.create(world, FileSink.of(dir.resolve("na.json")));
    RejectingOnce target = new RejectingOnce((ServerGeneratedTarget) c.target());
    Rotator rotator =
        Rotator.builder()
            .journal(new MemoryJournal())
            .sink(c.sink())
            .policy(Policy.expiringWithin(Duration.ofDays(7)))
            .build();

    assertThatThrownBy(() -> rotator.rotate(target))
        .isInstanceOfSatisfying(
            RotationException.class, e -> assertThat(e.step()).isEqualTo(Step.VERIFY));
    assertThat(c.changes().getAsInt()).isEqualTo(1);
    assertThat(c.sink().current(c.target().id()).orElseThrow().credential().expiry())
        .as("the rejected pair expires in 30 days, outside the policy's window")
        .hasValueSatisfying(e -> assertThat(e).isAfter(Instant.now().plus(Duration.ofDays(7))));

    RotationResult second = rotator.rotate(target);

    assertThat(second.status()).isEqualTo(Status.COMPLETED);
    assertThat(second.reason()).contains("aborted after publishing its value");
    assertThat(c.changes().getAsInt()).as("a new pair replaced the rejected one").isEqualTo(2);
    assertThat(c.currentWorks()).isTrue();
    assertThat(rotator.rotate(target).status()).isEqualTo(Status.NOT_DUE);
  }

  /** A server-generated target whose verifier rejects the first value it sees. */
  private static final class RejectingOnce implements ServerGeneratedTarget {
    private final ServerGeneratedTarget inner;
    private boolean rejected;

    RejectingOnce(ServerGeneratedTarget inner) {
      this.inner = inner;
    }

    @Override
    public String id() {
      return inner.id();
    }

    @Override
    public Verifier verifier() {
      return (ctx, cred) -> {
        if (!rejected) {
          rejected = true;
          throw new VerificationFailedException(ctx.targetId(), cred.slot(), "test: rejected once");
        }
        inner.verifier().verify(ctx, cred);
      };
    }

    @Override
    public Slot slot() {
      return inner.slot();
    }

    @Override
    public Credential generate() {
      return inner.generate();
    }
  }

  /** The storage target with a verifier that rejects every value. */
  private record StorageKeyRejecting(DualSlotTarget inner) implements DualSlotTarget {
    @Override
    public String id() {
      return inner.id();
    }

    @Override
    public Verifier verifier() {
      return (ctx, cred) -> {
        throw new VerificationFailedException(
            ctx.targetId(), cred.slot(), "HTTP 403 AuthenticationFailed");
      };
    }

    @Override
    public java.util.List<Slot> slots() {
      return inner.slots();
    }

    @Override
    public Credential regenerate(Slot slot) {
      return inner.regenerate(slot);
    }

    @Override
    public Optional<Credential> read(Slot slot) {
      return inner.read(slot);
    }
  }
}
