package dev.rekey.testkit;

import dev.rekey.core.Secret;
import dev.rekey.testkit.internal.RandomSecrets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A registry's token endpoint, {@code GET /oauth2/token?service={registry}.azurecr.io&scope=...},
 * as a registry login uses it: HTTP basic with a token name and one of its current, unexpired
 * passwords answers 200 {@code {"access_token": ...}}; anything else 401 in the registry's error
 * shape. Passwords and issued tokens are never logged or echoed.
 */
final class RegistryTokenEndpoint {
  /** The endpoint's path. */
  static final String PATH = "/oauth2/token";

  private final BiFunction<String, String, Optional<AcrToken>> tokenOf;
  private final Supplier<Clock> clock;

  /** Serves the tokens {@code tokenOf} finds by registry and token name. */
  RegistryTokenEndpoint(
      BiFunction<String, String, Optional<AcrToken>> tokenOf, Supplier<Clock> clock) {
    this.tokenOf = tokenOf;
    this.clock = clock;
  }

  /** Returns the endpoint's answer. */
  MockResponse handle(RecordedRequest request) {
    String service = request.getUrl().queryParameter("service");
    if (!request.getMethod().equals("GET") || service == null || service.isEmpty()) {
      return error(400, "BAD_REQUEST", "GET with a service query parameter is required.");
    }
    String registry = service.contains(".") ? service.substring(0, service.indexOf('.')) : service;
    String auth = request.getHeaders().get("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return unauthorized(service);
    }
    String decoded;
    try {
      decoded =
          new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(service);
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return unauthorized(service);
    }
    Optional<AcrToken> token = tokenOf.apply(registry, decoded.substring(0, colon));
    byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
    Instant now = clock.get().instant();
    for (String name : List.of("password1", "password2")) {
      Optional<Secret> password = token.flatMap(t -> t.password(name));
      boolean expired = token.flatMap(t -> t.expiry(name)).map(e -> !e.isAfter(now)).orElse(false);
      if (password.isPresent()
          && !expired
          && MessageDigest.isEqual(
              password.get().reveal().getBytes(StandardCharsets.UTF_8), given)) {
        return json(200, "{\"access_token\":\"" + RandomSecrets.alphanumeric(64) + "\"}");
      }
    }
    return unauthorized(service);
  }

  private static MockResponse unauthorized(String service) {
    return error(
            401,
            "UNAUTHORIZED",
            "authentication required, visit https://aka.ms/acr/authorization for more information.")
        .newBuilder()
        .setHeader("WWW-Authenticate", "Basic realm=\"https://" + service + "/oauth2/token\"")
        .build();
  }

  private static MockResponse error(int status, String code, String message) {
    // code and message are constants of this class: letters, spaces and punctuation, nothing to
    // escape
    return json(
        status, "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}");
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setHeader("Docker-Distribution-Api-Version", "registry/2.0")
        .setHeader("X-Ms-Correlation-Request-Id", UUID.randomUUID())
        .body(body)
        .build();
  }
}
