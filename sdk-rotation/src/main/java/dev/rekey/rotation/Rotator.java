package dev.rekey.rotation;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.rotation.History.Publication;
import dev.rekey.rotation.RotationResult.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rotations: {@link #rotate} starts one when the {@link Policy} says the credential is due (or
 * continues an unfinished one), {@link #resume} finishes an interrupted one from the {@link
 * Journal}, {@link #abandon} gives one up for good, and {@link #plan} is the dry run. Every step is
 * journaled as intent before its side effect and as done after, probes before it acts, and is
 * reported to the listener and to the {@code dev.rekey.rotation} logger — never with a value.
 *
 * <pre>{@code
 * try (Journal journal = FileJournal.open(Path.of("rotation.journal"))) {
 *   Rotator rotator = Rotator.builder().sink(FileSink.of(Path.of("ontap.secret"))).journal(journal)
 *       .policy(Policy.olderThan(Duration.ofDays(30))).build();
 *   rotator.rotate(OntapPasswordTarget.builder().client(ontap).user("svc-backup").build());
 * }
 * }</pre>
 *
 * <p>One rotator may serve many targets and many threads, one rotation at a time per target: a
 * second {@link #rotate} or {@link #resume} of a target whose rotation is running in another thread
 * is refused at once ({@link IllegalStateException}), so two rotations never pick the same slot or
 * overwrite each other's pending value. The file journal's lock keeps a second process out; share
 * one rotator per journal.
 */
public final class Rotator {
  private static final Logger AUDIT = LoggerFactory.getLogger("dev.rekey.rotation");

  private final Sink sink;
  private final Journal journal;
  private final Policy policy;
  private final Duration retireAfter;
  private final RotationListener listener;
  private final Clock clock;
  private final Set<String> running = ConcurrentHashMap.newKeySet();

  private Rotator(Builder b) {
    this.sink = Check.notNull("sink", b.sink);
    this.journal = Check.notNull("journal", b.journal);
    this.policy = b.policy;
    this.retireAfter = Check.notNegative("retireAfter", b.retireAfter);
    this.listener = b.listener;
    this.clock = b.clock;
  }

  /** Returns a builder; a sink and a journal are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Continues the target's unfinished rotation if there is one (a later run retires the old slot
   * after the grace period this way); else starts a rotation if the policy says it is due, or
   * whatever it says when the sink needs a new value: it still calls current a value the last
   * rotation's verifier rejected, or it holds none although the journal says a rotation published
   * one (the sink lost it; a dual-slot target then keeps that slot, see {@link Sink}). The result's
   * reason says which.
   *
   * @throws RotationException if a step failed (a rejected value too, with the {@link
   *     VerificationFailedException} as cause); its message says what holds and whether to resume
   * @throws IllegalStateException if another thread is rotating the same target with this rotator
   */
  public RotationResult rotate(Target target) {
    Objects.requireNonNull(target, "target == null");
    return alone(target, () -> rotateNow(target));
  }

  private RotationResult rotateNow(Target target) {
    List<JournalRecord> records = journal.records(target.id());
    Optional<History> unfinished = History.unfinished(records);
    if (unfinished.isPresent()) {
      return run(target, unfinished.get(), records);
    }
    Optional<String> forced =
        rejectedStillCurrent(target, records).or(() -> sinkLost(target, records));
    if (forced.isPresent()) {
      AUDIT.warn("target {}: due regardless of the policy: {}", target.id(), forced.get());
      RotationResult r = run(target, History.fresh(UUID.randomUUID().toString()), records);
      return new RotationResult(
          r.status(),
          r.rotationId(),
          r.reason() + "; due regardless of the policy: " + forced.get());
    }
    Optional<String> due = due(target, records);
    if (due.isEmpty()) {
      return new RotationResult(Status.NOT_DUE, null, "the policy says it is not due: " + policy);
    }
    return run(target, History.fresh(UUID.randomUUID().toString()), records);
  }

  /**
   * Finishes the target's interrupted rotation from the journal; does nothing if there is none (in
   * particular after a completed one).
   *
   * @throws RotationException if a step failed again
   * @throws IllegalStateException if another thread is rotating the same target with this rotator
   */
  public RotationResult resume(Target target) {
    Objects.requireNonNull(target, "target == null");
    return alone(target, () -> resumeNow(target));
  }

  private RotationResult resumeNow(Target target) {
    return withUnfinished(target, (h, records) -> run(target, h, records));
  }

  /**
   * Applies {@code then} to the target's unfinished rotation and the journal's records of the
   * target; nothing to resume when none.
   */
  private RotationResult withUnfinished(
      Target target, BiFunction<History, List<JournalRecord>, RotationResult> then) {
    List<JournalRecord> records = journal.records(target.id());
    return History.unfinished(records)
        .map(h -> then.apply(h, records))
        .orElseGet(
            () ->
                new RotationResult(
                    Status.NOTHING_TO_RESUME, null, "no unfinished rotation in the journal"));
  }

  /**
   * Ends the target's unfinished rotation for good, for one that fails the same way on every resume
   * (a permission missing, a name the service refuses) and was settled another way: an ABORT record
   * naming {@code reason}, so the next {@link #rotate} starts afresh instead of continuing it.
   * Changes nothing at the service or in the sink: a value the abandoned rotation generated but did
   * not publish is given up with it (its journal records say which steps ran).
   *
   * @throws IllegalStateException if another thread is rotating the same target with this rotator
   */
  public RotationResult abandon(Target target, String reason) {
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(reason, "reason == null");
    return alone(
        target,
        () ->
            withUnfinished(
                target,
                (h, records) -> {
                  String id = h.rotationId();
                  new Run(RotationContext.of(id, target.id()), journal, sink, listener, clock)
                      .mark(Step.ABORT, null, "abandoned: " + reason);
                  return new RotationResult(Status.ABANDONED, id, "abandoned: " + reason);
                }));
  }

  /**
   * Returns what {@link #rotate} would do now, without any side effect (it reads the journal, the
   * sink and, for the credential's age, the service).
   *
   * @throws IllegalStateException if the sink calls current a slot a dual-slot target does not
   *     have, or holds nothing and the journal cannot tell which slot was last published ({@link
   *     #rotate} refuses to start then too)
   */
  public RotationPlan plan(Target target) {
    Objects.requireNonNull(target, "target == null");
    List<JournalRecord> records = journal.records(target.id());
    Optional<History> unfinished = History.unfinished(records);
    if (unfinished.isPresent()) {
      return new RotationPlan(
          target.id(),
          true,
          "continues unfinished rotation " + unfinished.get().rotationId(),
          Plans.steps(target, sink, retireAfter, unfinished, records));
    }
    Optional<String> due =
        rejectedStillCurrent(target, records)
            .or(() -> sinkLost(target, records))
            .or(() -> due(target, records));
    return new RotationPlan(
        target.id(),
        due.isPresent(),
        due.orElse("not due under " + policy),
        due.isPresent()
            ? Plans.steps(target, sink, retireAfter, Optional.empty(), records)
            : List.of());
  }

  /** Runs {@code rotation} unless another thread of this rotator is rotating the same target. */
  private RotationResult alone(Target target, Supplier<RotationResult> rotation) {
    String id = target.id();
    if (!running.add(id)) {
      throw new IllegalStateException(
          "target "
              + id
              + " is being rotated by another thread of this rotator; nothing was done, try again"
              + " once that rotation returned");
    }
    try {
      return rotation.get();
    } finally {
      running.remove(id);
    }
  }

  /**
   * Returns why the sink's current value must be replaced whatever the policy says: the last
   * rotation published it, then aborted (its verifier rejected it), and the sink still holds it.
   */
  private Optional<String> rejectedStillCurrent(Target target, List<JournalRecord> records) {
    return History.abortedAfterPublish(records)
        .filter(id -> sink.current(target.id()).filter(p -> p.rotationId().equals(id)).isPresent())
        .map(
            id ->
                "rotation "
                    + id
                    + " aborted after publishing its value, which the sink still calls current");
  }

  /**
   * Returns why the sink must be given a value whatever the policy says: it holds none, though the
   * journal says a rotation published one, so it lost it (a file deleted or replaced, a secret
   * purged). The journal holds no value to publish again, so a new rotation publishes a new one; a
   * dual-slot target keeps the slot the journal names, which applications read before the loss.
   */
  private Optional<String> sinkLost(Target target, List<JournalRecord> records) {
    Optional<Publication> last = History.lastPublication(records);
    if (last.isEmpty() || sink.current(target.id()).isPresent()) {
      return Optional.empty();
    }
    Publication p = last.get();
    return Optional.of(
        "the sink holds no value, though rotation "
            + p.rotationId()
            + (p.confirmed() ? " published" : " may have published")
            + " slot "
            + p.slot()
            + " (journal): the sink lost it; "
            + (target instanceof DualSlotTarget
                ? "applications may still use slot " + p.slot() + ", which is not regenerated"
                : "a new value is published"));
  }

  private Optional<String> due(Target target, List<JournalRecord> records) {
    Optional<Published> current = sink.current(target.id());
    if (current.isEmpty()) {
      return Optional.of("the sink holds no value yet");
    }
    Optional<Instant> expiry = current.flatMap(p -> p.credential().expiry());
    Optional<Instant> created =
        current.flatMap(p -> target.createdAt(p.slot())).or(() -> History.lastCompletedAt(records));
    return policy.due(clock.instant(), created, expiry);
  }

  private RotationResult run(Target target, History history, List<JournalRecord> records) {
    Run run =
        new Run(
            RotationContext.of(history.rotationId(), target.id()), journal, sink, listener, clock);
    try {
      if (target instanceof DualSlotTarget d) {
        return DualSlotFlow.run(run, d, history, retireAfter, History.lastPublication(records));
      }
      if (target instanceof ClientChosenTarget c) {
        return ClientChosenFlow.run(run, c, history);
      }
      if (target instanceof ServerGeneratedTarget s) {
        return ServerGeneratedFlow.run(run, s, history);
      }
    } catch (RotationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw run.interrupted(e);
    }
    throw new IllegalArgumentException(
        "target "
            + target.id()
            + " must implement DualSlotTarget, ClientChosenTarget or ServerGeneratedTarget");
  }

  /** Builds a {@link Rotator}. */
  public static final class Builder {
    private @Nullable Sink sink;
    private @Nullable Journal journal;
    private Policy policy = Policy.always();
    private Duration retireAfter = Duration.ZERO;
    private RotationListener listener = e -> {};
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets where applications read the credential (required). */
    public Builder sink(Sink sink) {
      this.sink = Objects.requireNonNull(sink, "sink == null");
      return this;
    }

    /** Sets the journal (required): a {@link FileJournal} to survive a crash. */
    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal == null");
      return this;
    }

    /** Sets when a credential is due; default {@link Policy#always()}. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Sets how long a dual-slot target's old slot keeps working after the new one is published
     * (readers that cached it have this long to reload); default zero: retired in the same run. A
     * later {@code rotate} or {@code resume} retires it once the time has passed. Must not be
     * negative ({@link #build()} checks).
     */
    public Builder retireAfter(Duration retireAfter) {
      this.retireAfter = Objects.requireNonNull(retireAfter, "retireAfter == null");
      return this;
    }

    /** Sets the audit listener, called once per step; default none (the logger still writes). */
    public Builder listener(RotationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener == null");
      return this;
    }

    /** Sets the clock for policy, grace period and journal times; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the rotator.
     *
     * @throws ValidationException naming the field: the sink or the journal is not set ({@code sink
     *     null must not be null}), or {@code retireAfter} is negative
     */
    public Rotator build() {
      return new Rotator(this);
    }
  }
}
