package dev.rekey.rotation;

import dev.rekey.core.RekeyException;
import org.jspecify.annotations.Nullable;

/**
 * A rotation stopped before it finished. The message says what is where (which value the sink calls
 * current, whether it still works) and what to do; {@link #resumable()} says whether {@code
 * Rotator.resume} can finish it. Never carries a secret value.
 */
public final class RotationException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final String rotationId;
  private final String targetId;
  private final Step step;
  private final boolean resumable;

  RotationException(
      RotationContext context,
      Step step,
      boolean resumable,
      String message,
      @Nullable Throwable cause) {
    super(
        "rotation "
            + context.rotationId()
            + " of "
            + context.targetId()
            + " stopped at "
            + step
            + ": "
            + message,
        cause);
    this.rotationId = context.rotationId();
    this.targetId = context.targetId();
    this.step = step;
    this.resumable = resumable;
  }

  /** Returns the rotation's id. */
  public String rotationId() {
    return rotationId;
  }

  /** Returns the target's id. */
  public String targetId() {
    return targetId;
  }

  /** Returns the step that failed. */
  public Step step() {
    return step;
  }

  /**
   * Returns whether {@code Rotator.resume} can finish this rotation (false: it was aborted, or, if
   * the journal could not record the abort, is to be given up with {@code Rotator.abandon}).
   */
  public boolean resumable() {
    return resumable;
  }
}
