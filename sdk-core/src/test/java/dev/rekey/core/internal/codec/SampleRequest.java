package dev.rekey.core.internal.codec;

import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import java.util.Optional;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/** A request-shaped model written as the {@link RekeyStyle} Javadoc tells service modules to. */
@Value.Immutable
@RekeyStyle
abstract class SampleRequest {
  static Builder builder() {
    return ImmutableSampleRequest.builder();
  }

  abstract String registry();

  abstract String token();

  abstract Optional<String> label();

  @Value.Check
  void check() {
    Check.length("registry", registry(), 5, 50);
  }

  /** The documented builder the generated one extends. */
  abstract static class Builder {
    /** Sets the registry. */
    abstract Builder registry(String registry);

    /** Sets the token. */
    abstract Builder token(String token);

    /** Sets the label; null unsets it. */
    abstract Builder label(@Nullable String label);

    /** Returns the request. */
    abstract SampleRequest build();
  }
}
