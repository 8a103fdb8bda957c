package dev.rekey.acr.model;

import dev.rekey.core.Secret;
import dev.rekey.core.internal.RekeyStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One generated password of a registry token; its {@link #value()} is a {@link Secret}, so {@code
 * toString} never shows it.
 */
@Value.Immutable
@RekeyStyle
public abstract class TokenPassword {
  TokenPassword() {}

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns which password this is. */
  public abstract TokenPasswordName name();

  /** Returns the password; call {@link Secret#reveal()} only where it is used. */
  public abstract Secret value();

  /** Returns when the password stops working, if it expires. */
  public abstract Optional<Instant> expiry();

  /** Returns when the service created the password, if it said. */
  public abstract Optional<Instant> creationTime();

  /** Builds a {@link TokenPassword}. */
  public static final class Builder extends ImmutableTokenPassword.Builder {}
}
