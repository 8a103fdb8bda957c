package dev.rekey.rotation;

import dev.rekey.rotation.JournalRecord.Phase;
import dev.rekey.rotation.RotationEvent.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rotation in progress: runs each step as journal intent → side effect → journal done, and
 * reports each step to the listener and to the {@code dev.rekey.rotation} logger. Never sees a
 * value in anything it writes: records and events hold names, slots, times and exception class
 * names.
 */
final class Run {
  private static final Logger AUDIT = LoggerFactory.getLogger("dev.rekey.rotation");

  final RotationContext context;
  final Sink sink;
  final Clock clock;
  private final Journal journal;
  private final RotationListener listener;
  private Step lastStep = Step.START;
  private String holds = "the sink's current value was not changed";

  Run(RotationContext context, Journal journal, Sink sink, RotationListener listener, Clock clock) {
    this.context = context;
    this.journal = journal;
    this.sink = sink;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Runs {@code action} as {@code step}; a failure is recorded and rethrown as is (a journal that
   * cannot record it is attached as suppressed, never in its place).
   */
  <T> T step(Step step, @Nullable Slot slot, Supplier<T> action) {
    long start = System.nanoTime();
    lastStep = step;
    record(step, Phase.INTENT, slot, null);
    T result;
    try {
      result = action.get();
    } catch (RuntimeException e) {
      try {
        record(step, Phase.FAILED, slot, e.getClass().getName());
      } catch (RuntimeException journalFailure) {
        e.addSuppressed(journalFailure); // the step's own failure is what the caller must see
      }
      report(step, slot, Outcome.FAILED, start, e.getClass().getName());
      throw e;
    }
    record(step, Phase.DONE, slot, null);
    report(step, slot, Outcome.DONE, start, null);
    return result;
  }

  /** Runs {@code action} as {@code step}, for actions that return nothing. */
  void step(Step step, @Nullable Slot slot, Runnable action) {
    step(
        step,
        slot,
        () -> {
          action.run();
          return Boolean.TRUE;
        });
  }

  /** Records that a probe found {@code step} already done; {@code why} names the probe. */
  void already(Step step, @Nullable Slot slot, String why) {
    long start = System.nanoTime();
    record(step, Phase.DONE, slot, "probe: " + why);
    report(step, slot, Outcome.ALREADY_DONE, start, null);
  }

  /** Records a step that has no side effect (START, COMPLETE, ABORT). */
  void mark(Step step, @Nullable Slot slot, @Nullable String detail) {
    long start = System.nanoTime();
    record(step, Phase.DONE, slot, detail);
    report(step, slot, Outcome.DONE, start, null);
  }

  /**
   * Verifies {@code credential}; a rejection aborts the rotation with {@code whatHolds} in the
   * message (what the sink's readers have now).
   */
  void verify(Target target, Credential credential, String whatHolds) {
    try {
      step(Step.VERIFY, credential.slot(), () -> target.verifier().verify(context, credential));
    } catch (VerificationFailedException e) {
      throw abort(
          Step.VERIFY,
          "the service rejected the new value in slot " + credential.slot() + "; " + whatHolds,
          e);
    }
  }

  /**
   * Ends the rotation for good (an ABORT record, so the next {@code rotate} starts afresh instead
   * of failing the same way) and returns the exception to throw, not resumable, with {@code cause}
   * (the reason). A journal that cannot record the abort is attached to the reason as suppressed,
   * never in its place, and the message says to abandon the rotation.
   */
  RotationException abort(Step step, String message, @Nullable Throwable cause) {
    try {
      mark(Step.ABORT, null, cause == null ? step.name() : cause.getClass().getName());
    } catch (RuntimeException journalFailure) {
      RotationException e =
          new RotationException(
              context,
              step,
              false,
              message
                  + "; the journal could not record the abort ("
                  + journalFailure.getClass().getName()
                  + "), so the next rotate or resume continues this rotation: abandon it once the"
                  + " journal works",
              cause);
      (cause == null ? e : cause).addSuppressed(journalFailure);
      return e;
    }
    return new RotationException(context, step, false, message, cause);
  }

  /** Sets what readers of the sink have now, for the message of a failure from here on. */
  void holds(String holds) {
    this.holds = holds;
  }

  /** Returns {@code failure} as a resumable {@link RotationException} saying what holds now. */
  RotationException interrupted(RuntimeException failure) {
    return new RotationException(
        context,
        lastStep,
        true,
        failure.getClass().getName()
            + "; "
            + holds
            + "; run resume to finish (every step probes before it acts), or abandon to end it",
        failure);
  }

  private void record(Step step, Phase phase, @Nullable Slot slot, @Nullable String detail) {
    journal.append(
        JournalRecord.of(
            context.rotationId(),
            context.targetId(),
            step,
            phase,
            slot == null ? null : slot.name(),
            clock.instant(),
            detail));
  }

  private void report(
      Step step, @Nullable Slot slot, Outcome outcome, long startNanos, @Nullable String failure) {
    RotationEvent event =
        new RotationEvent(
            context,
            slot,
            step,
            outcome,
            Duration.ofNanos(System.nanoTime() - startNanos),
            failure);
    if (outcome == Outcome.FAILED) {
      AUDIT.warn("{}", event);
    } else {
      AUDIT.info("{}", event);
    }
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      AUDIT.warn("rotation listener threw {} on {}; ignored", e.getClass().getName(), step);
    }
  }
}
