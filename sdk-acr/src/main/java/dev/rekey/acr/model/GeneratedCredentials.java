package dev.rekey.acr.model;

import dev.rekey.azure.RotationEvidence;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code generateCredentials} returns: the registry login user name and the passwords that
 * were generated (one, or both when no password name was asked for). Printing it never shows a
 * password.
 */
@Value.Immutable
@RekeyStyle
public abstract class GeneratedCredentials {
  GeneratedCredentials() {}

  /** Returns a builder. */
  public static Builder builder() {
    return ImmutableGeneratedCredentials.builder();
  }

  /** Returns the user name to log in to the registry with (the token name). */
  public abstract String username();

  /** Returns the generated passwords, in the order the service listed them. */
  public abstract List<TokenPassword> passwords();

  /**
   * Returns how the SDK knows the passwords were generated: {@link RotationEvidence#ANSWERED}, or
   * {@link RotationEvidence#RESENT_AND_APPLIED} when a lost answer was settled with {@code
   * confirmOutcome(true)}.
   */
  @Value.Default
  public RotationEvidence evidence() {
    return RotationEvidence.ANSWERED;
  }

  /** Returns the generated password called {@code name}, or empty if it was not generated. */
  public Optional<TokenPassword> password(TokenPasswordName name) {
    return passwords().stream().filter(p -> p.name() == name).findFirst();
  }

  /** Builds the result of {@code generateCredentials}, e.g. in tests of code that consumes one. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(GeneratedCredentials instance);

    /** Sets the user name to log in to the registry with (the token name). */
    public abstract Builder username(String username);

    /** Adds a generated password. */
    public abstract Builder addPassword(TokenPassword element);

    /** Adds generated passwords. */
    public abstract Builder addPasswords(TokenPassword... elements);

    /** Sets the generated passwords, replacing any added before. */
    public abstract Builder passwords(Iterable<? extends TokenPassword> elements);

    /** Adds generated passwords. */
    public abstract Builder addAllPasswords(Iterable<? extends TokenPassword> elements);

    /**
     * Sets how the SDK knows the passwords were generated; {@link RotationEvidence#ANSWERED} if
     * unset.
     */
    public abstract Builder evidence(RotationEvidence evidence);

    /**
     * Returns the GeneratedCredentials.
     *
     * @throws ValidationException naming the first field that is missing
     */
    public abstract GeneratedCredentials build();
  }
}
