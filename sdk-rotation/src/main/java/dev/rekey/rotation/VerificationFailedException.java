package dev.rekey.rotation;

import dev.rekey.core.RekeyException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The service rejected a credential a {@link Verifier} presented. During a rotation of a dual-slot
 * or client-chosen target this means nothing was published or promoted (the service may already
 * hold a client-chosen value); a server-generated single-slot value (NetApp) is published before it
 * is verified, since generating killed the old one. The rotation's {@link RotationException} says
 * which holds. Never carries a secret value.
 */
public final class VerificationFailedException extends RekeyException {
  private static final long serialVersionUID = 1L;

  private final String targetId;
  private final String slot;

  /**
   * Creates the failure for {@code slot} of {@code targetId}; {@code reason} says what the service
   * answered (e.g. {@code HTTP 403 AuthenticationFailed}) and must not contain a secret.
   */
  public VerificationFailedException(String targetId, Slot slot, String reason) {
    this(targetId, slot, reason, null);
  }

  /** Creates the failure with the exception that carried the service's answer. */
  public VerificationFailedException(
      String targetId, Slot slot, String reason, @Nullable Throwable cause) {
    super(
        "the new credential in slot "
            + slot
            + " of "
            + targetId
            + " was rejected: "
            + Objects.requireNonNull(reason, "reason == null"),
        cause);
    this.targetId = targetId;
    this.slot = slot.name();
  }

  /** Returns the id of the target whose credential was rejected. */
  public String targetId() {
    return targetId;
  }

  /** Returns the slot whose credential was rejected. */
  public Slot slot() {
    return Slot.of(slot);
  }
}
