package dev.rekey.core.auth;

import dev.rekey.core.Secret;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when it expires.
 *
 * @param token the token itself, masked in {@code toString}
 * @param expiresAt when the token stops being accepted
 */
public record AccessToken(Secret token, Instant expiresAt) {
  /** Creates a token; both parts are required. */
  public AccessToken {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
  }
}
