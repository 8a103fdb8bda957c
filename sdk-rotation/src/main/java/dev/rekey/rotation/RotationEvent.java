package dev.rekey.rotation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The audit record of one step: rotation id, target, slot, step, outcome and duration. Never holds
 * a value; a failure is named by its exception class only.
 */
public final class RotationEvent {
  /** How a step ended. */
  public enum Outcome {
    /** The step's side effect happened now. */
    DONE,
    /** A probe showed the step had already happened (a resumed rotation); nothing was sent. */
    ALREADY_DONE,
    /** The step threw. */
    FAILED
  }

  private final String rotationId;
  private final String targetId;
  private final @Nullable Slot slot;
  private final Step step;
  private final Outcome outcome;
  private final Duration duration;
  private final @Nullable String failure;

  RotationEvent(
      RotationContext context,
      @Nullable Slot slot,
      Step step,
      Outcome outcome,
      Duration duration,
      @Nullable String failure) {
    this.rotationId = context.rotationId();
    this.targetId = context.targetId();
    this.slot = slot;
    this.step = Objects.requireNonNull(step);
    this.outcome = Objects.requireNonNull(outcome);
    this.duration = Objects.requireNonNull(duration);
    this.failure = failure;
  }

  /** Returns the rotation's id. */
  public String rotationId() {
    return rotationId;
  }

  /** Returns the target's id. */
  public String targetId() {
    return targetId;
  }

  /** Returns the slot the step acted on, if any. */
  public Optional<Slot> slot() {
    return Optional.ofNullable(slot);
  }

  /** Returns the step. */
  public Step step() {
    return step;
  }

  /** Returns how the step ended. */
  public Outcome outcome() {
    return outcome;
  }

  /** Returns how long the step took. */
  public Duration duration() {
    return duration;
  }

  /** Returns the class name of the exception a failed step threw. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Returns the event as one line, as the {@code dev.rekey.rotation} logger writes it. */
  @Override
  public String toString() {
    return "rotation="
        + rotationId
        + " target="
        + targetId
        + " slot="
        + (slot == null ? "-" : slot)
        + " step="
        + step
        + " outcome="
        + outcome
        + " durationMs="
        + duration.toMillis()
        + (failure == null ? "" : " failure=" + failure);
  }
}
