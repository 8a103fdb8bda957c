package dev.rekey.acr.model;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

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
    return ImmutableTokenPassword.builder();
  }

  /** Returns which password this is. */
  public abstract TokenPasswordName name();

  /** Returns the password; call {@link Secret#reveal()} only where it is used. */
  public abstract Secret value();

  /** Returns when the password stops working, if it expires. */
  public abstract Optional<Instant> expiry();

  /** Returns when the service created the password, if it said. */
  public abstract Optional<Instant> creationTime();

  /** Builds a {@link TokenPassword}, e.g. in tests of code that consumes one. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(TokenPassword instance);

    /** Sets which password this is. */
    public abstract Builder name(TokenPasswordName name);

    /** Sets the password. */
    public abstract Builder value(Secret value);

    /** Sets when the password stops working; null if it does not expire. */
    public abstract Builder expiry(@Nullable Instant expiry);

    /** Sets or unsets the expiry, as {@link #expiry(Instant)}. */
    public abstract Builder expiry(Optional<? extends Instant> expiry);

    /** Sets when the service created the password; null if it did not say. */
    public abstract Builder creationTime(@Nullable Instant creationTime);

    /** Sets or unsets the creation time, as {@link #creationTime(Instant)}. */
    public abstract Builder creationTime(Optional<? extends Instant> creationTime);

    /**
     * Returns the TokenPassword.
     *
     * @throws ValidationException naming the first field that is missing
     */
    public abstract TokenPassword build();
  }
}
