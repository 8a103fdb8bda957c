package dev.rekey.core.internal.codec;

import dev.rekey.core.Secret;
import dev.rekey.core.internal.RekeyStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A response-shaped model written as the {@link RekeyStyle} Javadoc allows for results. */
@Value.Immutable
@RekeyStyle
abstract class SampleCredentials {
  abstract String username();

  @Value.Redacted
  abstract Secret masterKey();

  abstract Instant created();

  abstract Optional<Instant> expiry();

  abstract List<SamplePassword> passwords();

  static final class Builder extends ImmutableSampleCredentials.Builder {}

  @Value.Immutable
  @RekeyStyle
  abstract static class SamplePassword {
    abstract String name();

    abstract Secret value();

    static final class Builder extends ImmutableSamplePassword.Builder {}
  }
}
