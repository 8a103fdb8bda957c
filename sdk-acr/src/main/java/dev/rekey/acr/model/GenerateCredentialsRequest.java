package dev.rekey.acr.model;

import dev.rekey.acr.internal.TokenIds;
import dev.rekey.azure.internal.ArmNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Asks for new passwords of one registry token. Name the token either by {@link #token()} (its
 * name; the client builds the resource id from its subscription) or by {@link #tokenId()} (the full
 * resource id), never both. Without {@link #passwordName()} both passwords are regenerated.
 *
 * <p>{@code build()} checks every rule the service documents and throws {@link ValidationException}
 * naming the builder's field and the rule: {@code resourceGroup} (1–90 characters of {@code
 * ^[-\w\._\(\)]+$}, no trailing period: ARM common-types' {@code ResourceGroupNameParameter}),
 * {@code registry} ({@code ^[a-zA-Z0-9]*$}, 5–50 characters: {@code RegistryNameParameter} of the
 * Microsoft.ContainerRegistry specs), {@code token} ({@code ^[a-zA-Z0-9-]*$}, 5–50 characters:
 * their {@code TokenNameParameter}), {@code tokenId} (a token resource id of this registry); a
 * required field left unset is named the same way. That {@code tokenId} names the client's
 * subscription is checked by the client, before it sends anything. Whether {@code expiry} is
 * acceptable (e.g. in the future) only the service can judge by its clock, so the service answers
 * it; only its form is checked ({@code expiry} in the years 0000–9999, as RFC 3339 writes them).
 */
@Value.Immutable
@RekeyStyle
public abstract class GenerateCredentialsRequest {
  GenerateCredentialsRequest() {}

  /** Returns a builder. */
  public static Builder builder() {
    return ImmutableGenerateCredentialsRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the resource group of the registry. */
  public abstract String resourceGroup();

  /** Returns the registry name. */
  public abstract String registry();

  /** Returns the token name, when the token is named that way. */
  public abstract Optional<String> token();

  /** Returns the full token resource id, when the token is named that way. */
  public abstract Optional<String> tokenId();

  /** Returns when the new passwords stop working, if they should expire. */
  public abstract Optional<Instant> expiry();

  /** Returns which password to regenerate; empty regenerates both. */
  public abstract Optional<TokenPasswordName> passwordName();

  /**
   * Returns whether, when the answer to the call was lost, the SDK may establish what happened: it
   * reads the token resource ({@code GET .../tokens/{token}}, which shows each password's {@code
   * creationTime} but never its value) before sending, and after a lost answer reads it again. The
   * slot's creation time changed: the passwords were regenerated but their values are lost, so
   * {@link dev.rekey.core.CredentialNotReturnedException} says so and how to recover (regenerate
   * again, knowingly). Unchanged: not applied, so the call is sent once more and its answer is the
   * result (evidence {@link dev.rekey.azure.RotationEvidence#RESENT_AND_APPLIED}) once one more
   * read shows its creation times (else a first send landed after it: {@link
   * dev.rekey.core.CredentialNotReturnedException}); if that answer is lost too, a third read
   * settles it, or {@link dev.rekey.core.OutcomeUnknownException} counting both sends. A read that
   * fails ends in {@link dev.rekey.core.OutcomeUnknownException}. An operation the service accepted
   * (202) whose outcome was then lost is not settled. Off by default: then a lost answer throws
   * {@link dev.rekey.core.OutcomeUnknownException} at once.
   */
  @Value.Default
  public boolean confirmOutcome() {
    return false;
  }

  @Value.Check
  void validate() {
    ArmNames.resourceGroup(resourceGroup());
    // Microsoft.ContainerRegistry specs, RegistryNameParameter: minLength 5, maxLength 50,
    // ^[a-zA-Z0-9]*$
    Check.matches("registry", registry(), TokenIds.REGISTRY_NAME);
    Check.length("registry", registry(), 5, 50);
    if (token().isPresent() == tokenId().isPresent()) {
      throw new ValidationException(
          "tokenId",
          tokenId().map(Check::quote).orElse("null"),
          token().isPresent()
              ? "must not be set together with a token name"
              : "must be set, or a token name given");
    }
    if (token().isPresent()) {
      // Microsoft.ContainerRegistry specs, TokenNameParameter: minLength 5, maxLength 50,
      // ^[a-zA-Z0-9-]*$
      Check.matches("token", token().get(), TokenIds.TOKEN_NAME);
      Check.length("token", token().get(), 5, 50);
    } else {
      TokenIds.checkOfRegistry(tokenId().get(), resourceGroup(), registry());
    }
    // the spec's format: date-time (RFC 3339), whose year has four digits
    expiry()
        .filter(e -> e.isBefore(Instant.parse("0000-01-01T00:00:00Z")) || !e.isBefore(LAST))
        .ifPresent(
            e -> {
              throw new ValidationException(
                  "expiry", Check.quote(e.toString()), "must be in the years 0000–9999");
            });
  }

  /** The first instant an RFC 3339 date-time cannot write. */
  private static final Instant LAST = Instant.parse("+10000-01-01T00:00:00Z");

  /**
   * Builds a {@link GenerateCredentialsRequest}: set {@link #resourceGroup(String)}, {@link
   * #registry(String)}, and either {@link #token(String)} or {@link #tokenId(String)}; {@code
   * build()} validates.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(GenerateCredentialsRequest instance);

    /**
     * Sets the resource group of the registry: 1–90 characters of {@code [-\w._()]}, no trailing
     * period.
     */
    public abstract Builder resourceGroup(String resourceGroup);

    /** Sets the registry name: 5–50 letters and digits. */
    public abstract Builder registry(String registry);

    /**
     * Sets the token by name (5–50 letters, digits and hyphens); null unsets it. Give this or
     * {@link #tokenId(String)}.
     */
    public abstract Builder token(@Nullable String token);

    /** Sets or unsets the token by name, as {@link #token(String)}. */
    public abstract Builder token(Optional<String> token);

    /**
     * Sets the token by its full resource id, which must name a token of this resource group and
     * registry; null unsets it. Give this or {@link #token(String)}.
     */
    public abstract Builder tokenId(@Nullable String tokenId);

    /** Sets or unsets the token's resource id, as {@link #tokenId(String)}. */
    public abstract Builder tokenId(Optional<String> tokenId);

    /** Sets when the new passwords stop working; null (the default) means they do not expire. */
    public abstract Builder expiry(@Nullable Instant expiry);

    /** Sets or unsets the expiry, as {@link #expiry(Instant)}. */
    public abstract Builder expiry(Optional<? extends Instant> expiry);

    /** Sets the expiry from a date-time with offset, as {@link #expiry(Instant)}. */
    public Builder expiry(OffsetDateTime expiry) {
      return expiry(expiry.toInstant());
    }

    /** Sets which password to regenerate; null (the default) regenerates both. */
    public abstract Builder passwordName(@Nullable TokenPasswordName passwordName);

    /** Sets or unsets which password to regenerate, as {@link #passwordName(TokenPasswordName)}. */
    public abstract Builder passwordName(Optional<? extends TokenPasswordName> passwordName);

    /**
     * Sets whether a lost answer is settled by reading the credential's state (default false): see
     * {@link GenerateCredentialsRequest#confirmOutcome()}.
     */
    public abstract Builder confirmOutcome(boolean confirmOutcome);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    public abstract GenerateCredentialsRequest build();
  }
}
