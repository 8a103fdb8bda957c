package dev.rekey.rotation;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code rotate} or {@code resume} call did.
 *
 * @param status what happened
 * @param rotationId the rotation acted on, when there was one
 * @param reason why, in words (the policy's reason, or what is left)
 */
public record RotationResult(Status status, @Nullable String rotationId, String reason) {
  /** What a call did. */
  public enum Status {
    /** A rotation ran (or was resumed) to its end. */
    COMPLETED,
    /**
     * The new value is published; the old slot is retired by a later run after the grace period.
     */
    AWAITING_RETIRE,
    /** The policy said the credential is not due; nothing was done. */
    NOT_DUE,
    /** {@code resume} or {@code abandon} found no unfinished rotation; nothing was done. */
    NOTHING_TO_RESUME,
    /** {@code abandon} ended the unfinished rotation; the next {@code rotate} starts afresh. */
    ABANDONED
  }

  /** Returns the rotation's id, when there was one. */
  public Optional<String> rotation() {
    return Optional.ofNullable(rotationId);
  }
}
