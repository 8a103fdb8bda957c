package dev.rekey.rotation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of a {@link Journal}: a {@link Step} of one rotation, recorded as {@link Phase#INTENT}
 * before its side effect and as {@link Phase#DONE} (or {@link Phase#FAILED}) after. Holds names,
 * slots and times only: never a secret value. {@code detail} carries engine-written facts such as
 * {@code inUse=key1} or an exception's class name.
 */
public final class JournalRecord {
  /** Whether a record announces a step, confirms it, or reports that it threw. */
  public enum Phase {
    /** Written before the step's side effect. */
    INTENT,
    /** Written after the side effect succeeded (or a probe showed it had already happened). */
    DONE,
    /** Written when the step threw; its side effect may or may not have happened. */
    FAILED
  }

  private final String rotationId;
  private final String targetId;
  private final Step step;
  private final Phase phase;
  private final @Nullable String slot;
  private final Instant at;
  private final @Nullable String detail;

  private JournalRecord(
      String rotationId,
      String targetId,
      Step step,
      Phase phase,
      @Nullable String slot,
      Instant at,
      @Nullable String detail) {
    this.rotationId = Objects.requireNonNull(rotationId, "rotationId == null");
    this.targetId = Objects.requireNonNull(targetId, "targetId == null");
    this.step = Objects.requireNonNull(step, "step == null");
    this.phase = Objects.requireNonNull(phase, "phase == null");
    this.slot = slot;
    this.at = Objects.requireNonNull(at, "at == null");
    this.detail = detail;
  }

  /**
   * Returns a record; {@code slot} and {@code detail} may be null.
   *
   * @throws NullPointerException if another argument is null
   */
  public static JournalRecord of(
      String rotationId,
      String targetId,
      Step step,
      Phase phase,
      @Nullable String slot,
      Instant at,
      @Nullable String detail) {
    return new JournalRecord(rotationId, targetId, step, phase, slot, at, detail);
  }

  /** Returns the rotation's id. */
  public String rotationId() {
    return rotationId;
  }

  /** Returns the target's id. */
  public String targetId() {
    return targetId;
  }

  /** Returns the step. */
  public Step step() {
    return step;
  }

  /** Returns the phase. */
  public Phase phase() {
    return phase;
  }

  /** Returns the slot the step acted on, if it acted on one. */
  public Optional<Slot> slot() {
    return Optional.ofNullable(slot).map(Slot::of);
  }

  /** Returns when the record was written. */
  public Instant at() {
    return at;
  }

  /** Returns the engine's note (never a secret), if any. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JournalRecord that
        && rotationId.equals(that.rotationId)
        && targetId.equals(that.targetId)
        && step == that.step
        && phase == that.phase
        && Objects.equals(slot, that.slot)
        && at.equals(that.at)
        && Objects.equals(detail, that.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rotationId, targetId, step, phase, slot, at, detail);
  }

  @Override
  public String toString() {
    return "JournalRecord{"
        + rotationId
        + " "
        + targetId
        + " "
        + step
        + " "
        + phase
        + (slot == null ? "" : " slot=" + slot)
        + " at="
        + at
        + (detail == null ? "" : " " + detail)
        + "}";
  }
}
