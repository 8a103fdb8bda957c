package dev.rekey.rotation;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a credential is due: older than a maximum age, or expiring within a window. The age comes
 * from the service when it says (storage key creation time), else from the journal's last completed
 * rotation; the expiry from the current credential (ACR password expiry, NetApp key pair expiry).
 * Because a fresh rotation makes the credential young, running a job twice in a row rotates once.
 */
public final class Policy {
  private final boolean always;
  private final @Nullable Duration maxAge;
  private final @Nullable Duration expiryWindow;

  private Policy(boolean always, @Nullable Duration maxAge, @Nullable Duration expiryWindow) {
    this.always = always;
    this.maxAge = maxAge;
    this.expiryWindow = expiryWindow;
  }

  /** Returns the policy that is always due: every {@code rotate} rotates. */
  public static Policy always() {
    return new Policy(true, null, null);
  }

  /**
   * Returns the policy that is due when the credential is older than {@code maxAge} (or its age is
   * unknown).
   *
   * @throws ValidationException if {@code maxAge} is negative ({@code maxAge "PT-1S" must not be
   *     negative})
   */
  public static Policy olderThan(Duration maxAge) {
    return new Policy(false, notNegative(maxAge, "maxAge"), null);
  }

  /**
   * Returns the policy that is due when the credential expires within {@code window}.
   *
   * @throws ValidationException if {@code window} is negative
   */
  public static Policy expiringWithin(Duration window) {
    return new Policy(false, null, notNegative(window, "window"));
  }

  /**
   * Returns the policy due when this one is, and also when the credential expires within {@code
   * window} (after several calls: within the widest window).
   *
   * @throws ValidationException if {@code window} is negative
   */
  public Policy orExpiringWithin(Duration window) {
    Duration w = notNegative(window, "window");
    return new Policy(
        always, maxAge, expiryWindow == null || w.compareTo(expiryWindow) > 0 ? w : expiryWindow);
  }

  private static Duration notNegative(Duration d, String name) {
    return Check.notNegative(name, Objects.requireNonNull(d, name + " == null"));
  }

  /**
   * Returns why the credential is due at {@code now}, or empty if it is not.
   *
   * @param createdAt when the current value was created, if known
   * @param expiry when the current value expires, if known
   */
  public Optional<String> due(Instant now, Optional<Instant> createdAt, Optional<Instant> expiry) {
    if (expiryWindow != null
        && expiry.isPresent()
        && !expiry.get().isAfter(now.plus(expiryWindow))) {
      return Optional.of("expires at " + expiry.get() + ", within " + expiryWindow);
    }
    if (maxAge != null) {
      if (createdAt.isEmpty()) {
        return Optional.of("its age is unknown");
      }
      if (createdAt.get().plus(maxAge).isBefore(now)) {
        return Optional.of("created at " + createdAt.get() + ", older than " + maxAge);
      }
    }
    return always ? Optional.of("the policy always rotates") : Optional.empty();
  }

  @Override
  public String toString() {
    return "Policy{always="
        + always
        + ", maxAge="
        + maxAge
        + ", expiryWindow="
        + expiryWindow
        + "}";
  }
}
