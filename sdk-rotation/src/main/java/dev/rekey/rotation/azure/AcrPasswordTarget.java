package dev.rekey.rotation.azure;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.TokenPassword;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.DualSlotTarget;
import dev.rekey.rotation.Slot;
import dev.rekey.rotation.Verifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An ACR token's {@code password1}/{@code password2}, a dual-slot server-generated credential. The
 * registry never returns a password again, so a resumed rotation regenerates the still-unused
 * standby again ({@link #read} is empty). Each new password expires after the configured lifetime;
 * the policy sees that expiry. Readers log in with the token name as user name.
 */
public final class AcrPasswordTarget implements DualSlotTarget {
  /** The slot {@code password1}. */
  public static final Slot PASSWORD1 = Slot.of("password1");

  /** The slot {@code password2}. */
  public static final Slot PASSWORD2 = Slot.of("password2");

  private final AcrClient client;
  private final String resourceGroup;
  private final String registry;
  private final String token;
  private final @Nullable Duration lifetime;
  private final Clock clock;
  private final Verifier verifier;

  private AcrPasswordTarget(Builder b) {
    this.client = Check.notNull("client", b.client);
    this.resourceGroup = Check.notNull("resourceGroup", b.resourceGroup);
    this.registry = Check.notNull("registry", b.registry);
    this.token = Check.notNull("token", b.token);
    this.verifier = Check.notNull("verifier", b.verifier);
    // the client's own rules for these names, run now rather than at the first rotate
    GenerateCredentialsRequest.builder()
        .resourceGroup(resourceGroup)
        .registry(registry)
        .token(token)
        .build();
    this.lifetime = b.lifetime == null ? null : Check.positive("passwordLifetime", b.lifetime);
    this.clock = b.clock;
  }

  /** Returns a builder; client, resource group, registry, token and verifier are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return "acr:" + resourceGroup + "/" + registry + "/" + token;
  }

  @Override
  public Verifier verifier() {
    return verifier;
  }

  @Override
  public List<Slot> slots() {
    return List.of(PASSWORD1, PASSWORD2);
  }

  @Override
  public Credential regenerate(Slot slot) {
    TokenPasswordName name =
        TokenPasswordName.fromWireName(slot.name())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "slot " + slot + " must be password1 or password2"));
    TokenPassword password =
        client
            .generateCredentials(
                r -> {
                  r.resourceGroup(resourceGroup).registry(registry).token(token).passwordName(name);
                  if (lifetime != null) {
                    r.expiry(clock.instant().plus(lifetime));
                  }
                })
            .password(name)
            .orElseThrow(() -> new IllegalStateException("the registry did not return " + slot));
    return Credential.of(slot, password.value()).withExpiry(password.expiry().orElse(null));
  }

  /** Returns empty: the registry never shows a password again. */
  @Override
  public Optional<Credential> read(Slot slot) {
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "AcrPasswordTarget{" + id() + "}";
  }

  /** Builds an {@link AcrPasswordTarget}. */
  public static final class Builder {
    private @Nullable AcrClient client;
    private @Nullable String resourceGroup;
    private @Nullable String registry;
    private @Nullable String token;
    private @Nullable Verifier verifier;
    private @Nullable Duration lifetime;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the client. */
    public Builder client(AcrClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Sets the resource group holding the registry: 1–90 characters of {@code [-\w._()]}, no
     * trailing period.
     */
    public Builder resourceGroup(String resourceGroup) {
      this.resourceGroup = Objects.requireNonNull(resourceGroup, "resourceGroup == null");
      return this;
    }

    /** Sets the registry name: 5–50 letters and digits. */
    public Builder registry(String registry) {
      this.registry = Objects.requireNonNull(registry, "registry == null");
      return this;
    }

    /** Sets the token name: 5–50 letters, digits and hyphens. */
    public Builder token(String token) {
      this.token = Objects.requireNonNull(token, "token == null");
      return this;
    }

    /** Sets how long each new password lives (longer than zero); default: no expiry. */
    public Builder passwordLifetime(Duration lifetime) {
      this.lifetime = Objects.requireNonNull(lifetime, "lifetime == null");
      return this;
    }

    /** Sets the clock the expiry is computed from; default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the verifier that proves a password against the registry's token endpoint. */
    public Builder verifier(Verifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier == null");
      return this;
    }

    /**
     * Returns the target.
     *
     * @throws ValidationException naming the first required field that is not set ({@code registry
     *     null must not be null}), or the first that breaks its rule: the resource group, registry
     *     and token names are checked as {@link GenerateCredentialsRequest} checks them, and the
     *     password lifetime must be positive
     */
    public AcrPasswordTarget build() {
      return new AcrPasswordTarget(this);
    }
  }
}
