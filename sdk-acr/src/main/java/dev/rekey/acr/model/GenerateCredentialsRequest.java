package dev.rekey.acr.model;

import dev.rekey.acr.internal.TokenIds;
import dev.rekey.azure.internal.ArmNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.Required;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Asks for new passwords of one registry token. Name the token either by {@link #token()} (its name;
 * the client builds the resource id from its subscription) or by {@link #tokenId()} (the full
 * resource id), never both. Without {@link #passwordName()} both passwords are regenerated.
 *
 * <p>{@code build()} checks every rule the service documents and throws {@link ValidationException}
 * naming the builder's field and the rule: {@code resourceGroup} (1–90 characters of {@code
 * ^[-\w\._\(\)]+$}, no trailing period: ARM common-types' {@code ResourceGroupNameParameter}),
 * {@code registry} ({@code ^[a-zA-Z0-9]*$}, 5–50 characters: {@code RegistryNameParameter} of the
 * Microsoft.ContainerRegistry specs), {@code token} ({@code ^[a-zA-Z0-9-]*$}, 5–50 characters: their
 * {@code TokenNameParameter}), {@code tokenId} (a token resource id of this registry); a required field
 * left unset is named the same way. That {@code tokenId} names the client's subscription is checked by
 * the client, before it sends anything. Whether {@code expiry} is acceptable (e.g. in the future) only
 * the service can judge by its clock, so the service answers it.
 */
@Value.Immutable
@RekeyStyle
public abstract class GenerateCredentialsRequest {
  GenerateCredentialsRequest() {}

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.from(this);
    return b;
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
   * Returns whether, when the answer to the call was lost, the SDK may establish what happened: it reads
   * the token resource ({@code GET .../tokens/{token}}, which shows each password's {@code creationTime}
   * but never its value) before sending, and after a lost answer reads it again. The slot's creation
   * time changed: the passwords were regenerated but their values are lost, so {@link
   * dev.rekey.core.CredentialNotReturnedException} says so and how to recover (regenerate again,
   * knowingly). Unchanged: not applied, so the call is sent once more and its answer is the result
   * (evidence {@link dev.rekey.azure.RotationEvidence#RESENT_AND_APPLIED}); if that answer is lost too,
   * a third read settles it, or {@link dev.rekey.core.OutcomeUnknownException} counting both sends. A
   * read that fails ends in {@link dev.rekey.core.OutcomeUnknownException}. An operation the service
   * accepted (202) whose outcome was then lost is not settled. Off by default: then a lost answer throws
   * {@link dev.rekey.core.OutcomeUnknownException} at once.
   */
  @Value.Default
  public boolean confirmOutcome() {
    return false;
  }

  @Value.Check
  void validate() {
    ArmNames.resourceGroup(resourceGroup());
    // Microsoft.ContainerRegistry specs, RegistryNameParameter: minLength 5, maxLength 50, ^[a-zA-Z0-9]*$
    Check.matches("registry", registry(), TokenIds.REGISTRY_NAME);
    Check.length("registry", registry(), 5, 50);
    if (token().isPresent() == tokenId().isPresent()) {
      throw new ValidationException(
          "tokenId",
          tokenId().map(Check::quote).orElse("null"),
          token().isPresent() ? "must not be set together with a token name" : "must be set, or a token name given");
    }
    if (token().isPresent()) {
      // Microsoft.ContainerRegistry specs, TokenNameParameter: minLength 5, maxLength 50, ^[a-zA-Z0-9-]*$
      Check.matches("token", token().get(), TokenIds.TOKEN_NAME);
      Check.length("token", token().get(), 5, 50);
    } else {
      TokenIds.checkOfRegistry(tokenId().get(), resourceGroup(), registry());
    }
  }

  /** Builds a {@link GenerateCredentialsRequest}; {@code build()} validates it. */
  public static final class Builder extends ImmutableGenerateCredentialsRequest.Builder {
    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    @Override
    public GenerateCredentialsRequest build() {
      return Required.build(super::build);
    }

    /** Sets the expiry from a date-time with offset. */
    public Builder expiry(OffsetDateTime expiry) {
      expiry(expiry.toInstant());
      return this;
    }
  }
}
