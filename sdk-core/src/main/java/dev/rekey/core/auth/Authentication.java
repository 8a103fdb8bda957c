package dev.rekey.core.auth;

import dev.rekey.core.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a client proves who it is on each call: a bearer token, HTTP basic credentials, or nothing at
 * the HTTP level (when a client certificate in {@link dev.rekey.core.TlsOptions} does it). {@code
 * toString} never shows a password or token.
 */
public sealed interface Authentication {

  /**
   * Returns authentication by bearer tokens from {@code source}, cached and refreshed 5 min early.
   */
  static Authentication bearer(TokenSource source) {
    return new Bearer(source, Duration.ofMinutes(5));
  }

  /** Returns HTTP basic authentication. */
  static Authentication basic(String username, Secret password) {
    return new Basic(username, password);
  }

  /**
   * Returns HTTP basic authentication whose password is read from {@code password} on every call,
   * so a client can switch to a new password after rotating its own account's.
   */
  static Authentication basic(String username, Supplier<Secret> password) {
    return new ChangingBasic(username, password);
  }

  /** Returns no HTTP-level authentication (e.g. a client certificate does it). */
  static Authentication none() {
    return new None();
  }

  /**
   * Bearer tokens from a {@link TokenSource}, refreshed {@code refreshMargin} before they expire.
   *
   * @param source where tokens come from
   * @param refreshMargin how long before expiry a token is refreshed
   */
  record Bearer(TokenSource source, Duration refreshMargin) implements Authentication {
    /** Creates bearer authentication; both parts are required. */
    public Bearer {
      Objects.requireNonNull(source, "source == null");
      Objects.requireNonNull(refreshMargin, "refreshMargin == null");
    }

    @Override
    public String toString() {
      return "Bearer[****]";
    }
  }

  /**
   * HTTP basic credentials.
   *
   * @param username the user name
   * @param password the password, masked in {@code toString}
   */
  record Basic(String username, Secret password) implements Authentication {
    /** Creates basic authentication; both parts are required. */
    public Basic {
      Objects.requireNonNull(username, "username == null");
      Objects.requireNonNull(password, "password == null");
    }
  }

  /**
   * HTTP basic credentials whose password may change between calls.
   *
   * @param username the user name
   * @param password where each call reads the current password
   */
  record ChangingBasic(String username, Supplier<Secret> password) implements Authentication {
    /** Creates changing basic authentication; both parts are required. */
    public ChangingBasic {
      Objects.requireNonNull(username, "username == null");
      Objects.requireNonNull(password, "password == null");
    }

    @Override
    public String toString() {
      return "ChangingBasic[username=" + username + ", password=****]";
    }
  }

  /** No HTTP-level credentials. */
  record None() implements Authentication {}
}
