package dev.rekey.rotation;

import java.util.Objects;

/**
 * Which rotation of which target a {@link Sink} or {@link Verifier} call belongs to. Sinks record
 * the rotation id beside what they publish (e.g. as a tag), so a resumed rotation can tell its own
 * publication from an older one.
 */
public final class RotationContext {
  private final String rotationId;
  private final String targetId;

  private RotationContext(String rotationId, String targetId) {
    this.rotationId = rotationId;
    this.targetId = targetId;
  }

  /**
   * Returns the context of rotation {@code rotationId} of target {@code targetId}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static RotationContext of(String rotationId, String targetId) {
    return new RotationContext(
        Objects.requireNonNull(rotationId, "rotationId == null"),
        Objects.requireNonNull(targetId, "targetId == null"));
  }

  /** Returns the rotation's id, unique per rotation and kept across {@code resume}. */
  public String rotationId() {
    return rotationId;
  }

  /** Returns the target's id, e.g. {@code storage:myaccount} (see {@code Target.id()}). */
  public String targetId() {
    return targetId;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RotationContext that
        && rotationId.equals(that.rotationId)
        && targetId.equals(that.targetId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rotationId, targetId);
  }

  @Override
  public String toString() {
    return "RotationContext{rotationId=" + rotationId + ", targetId=" + targetId + "}";
  }
}
