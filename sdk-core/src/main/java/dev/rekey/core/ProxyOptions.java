package dev.rekey.core;

import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import java.util.Optional;
import org.immutables.value.Value;

/** An HTTP proxy to send every call through, with optional basic proxy authentication. */
@Value.Immutable
@RekeyStyle
public abstract class ProxyOptions {
  ProxyOptions() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the proxy's host name or address. */
  public abstract String host();

  /** Returns the proxy's port. */
  public abstract int port();

  /** Returns the user name for proxy authentication, if any. */
  public abstract Optional<String> username();

  /** Returns the password for proxy authentication, if any. */
  public abstract Optional<Secret> password();

  @Value.Check
  void check() {
    Check.between("proxy.port", port(), 1, 65535);
    if (password().isPresent() && username().isEmpty()) {
      throw new ValidationException("proxy.username", "(absent)", "must be set when a password is");
    }
  }

  /**
   * Builds {@link ProxyOptions}; {@code build()} throws {@link ValidationException} on a bad port.
   */
  public static final class Builder extends ImmutableProxyOptions.Builder {}
}
