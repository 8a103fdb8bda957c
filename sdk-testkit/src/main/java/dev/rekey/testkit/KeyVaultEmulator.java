package dev.rekey.testkit;

import dev.rekey.core.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Azure Key Vault's secrets API over real HTTP: {@code PUT /secrets/{name}} (every call makes a new
 * version), {@code GET /secrets/{name}[/{version}]} and {@code GET /secrets/{name}/versions}. Like
 * the service it wants a bearer token (a 401 answer carries the {@code WWW-Authenticate} challenge
 * naming the {@code https://vault.azure.net} resource), a known {@code api-version}, secret names
 * of letters, digits and dashes, and answers errors as {@code {"error":{"code","message"}}}. Values
 * are never logged.
 */
public final class KeyVaultEmulator extends Emulator {
  private static final Pattern SECRET = Pattern.compile("/secrets/([^/]*)(?:/([^/]*))?/?");
  private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z-]{1,127}");
  private static final Set<String> API_VERSIONS =
      Set.of("7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6");
  private static final int MAX_TAGS = 15;
  private static final int MAX_TAG_CHARS = 256;
  private static final int MAX_VALUE_CHARS = 25 * 1024;

  private final Map<String, List<KeyVaultSecretVersion>> secrets = new ConcurrentHashMap<>();
  private volatile Clock clock = Clock.systemUTC();
  private volatile @Nullable String requiredToken;

  /**
   * Sets the clock that stamps {@code created} and {@code updated}; {@link #reset()} puts back the
   * system clock.
   */
  public void clock(Clock clock) {
    this.clock = clock;
  }

  /**
   * Accepts only {@code token} as bearer token from now on (by default any non-empty token passes).
   */
  public void requireToken(String token) {
    this.requiredToken = token;
  }

  /** Returns every version of secret {@code name}, oldest first (empty when there is none). */
  public List<KeyVaultSecretVersion> versions(String name) {
    List<KeyVaultSecretVersion> versions = secrets.get(name.toLowerCase(Locale.ROOT));
    if (versions == null) {
      return List.of();
    }
    synchronized (versions) {
      return List.copyOf(versions);
    }
  }

  /** Returns the latest version of secret {@code name}, if it has one. */
  public Optional<KeyVaultSecretVersion> latest(String name) {
    List<KeyVaultSecretVersion> all = versions(name);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  @Override
  protected void resetState() {
    secrets.clear();
    requiredToken = null;
    clock = Clock.systemUTC();
  }

  @Override
  protected MockResponse errorResponse(int status, String code, String message) {
    return json(status, KeyVaultBodies.error(code, message, null));
  }

  @Override
  protected MockResponse handle(RecordedRequest request) {
    String auth = request.getHeaders().get("Authorization");
    String token =
        auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
            ? auth.substring(7).trim()
            : "";
    String required = requiredToken;
    if (token.isEmpty() || (required != null && !required.equals(token))) {
      String message =
          token.isEmpty()
              ? "AKV10000: Request is missing a Bearer or PoP token."
              : "AKV10022: Invalid audience.";
      return errorResponse(401, "Unauthorized", message)
          .newBuilder()
          .setHeader(
              "WWW-Authenticate",
              "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\""
                  + ", resource=\"https://vault.azure.net\"")
          .build();
    }
    String apiVersion = request.getUrl().queryParameter("api-version");
    if (apiVersion == null || !API_VERSIONS.contains(apiVersion)) {
      return errorResponse(
          400,
          "BadParameter",
          "The specified version ("
              + apiVersion
              + ") is not recognized. Consider using the latest supported version (7.5).");
    }
    Matcher path = SECRET.matcher(request.getUrl().encodedPath());
    if (!path.matches()) {
      return errorResponse(404, "NotFound", "The requested resource was not found.");
    }
    String name = path.group(1);
    if (!NAME.matcher(name).matches()) {
      return errorResponse(
          400, "BadParameter", "The request URI contains an invalid name: " + name);
    }
    String second = path.group(2);
    if (request.getMethod().equals("PUT") && second == null) {
      return set(name, request.getBody() == null ? "" : request.getBody().utf8());
    }
    if (!request.getMethod().equals("GET")) {
      return errorResponse(
          405, "MethodNotAllowed", "The method " + request.getMethod() + " is not allowed here.");
    }
    if ("versions".equals(second)) {
      List<KeyVaultSecretVersion> all = versions(name);
      return all.isEmpty()
          ? notFound(name)
          : json(200, KeyVaultBodies.versions(vault(), all, clock.instant()));
    }
    return read(name, second == null || second.isEmpty() ? null : second);
  }

  private MockResponse set(String name, String body) {
    KeyVaultBodies.SetSecret s;
    try {
      s = KeyVaultBodies.readSetSecret(body);
    } catch (IllegalArgumentException e) {
      return errorResponse(
          400, "BadParameter", "The request body is invalid at " + e.getMessage() + ".");
    }
    if (s.value() == null) {
      return errorResponse(400, "BadParameter", "Property value is required.");
    }
    if (s.value().length() > MAX_VALUE_CHARS) {
      return errorResponse(400, "BadParameter", "Secret value exceeds the maximum size of 25 KB.");
    }
    if (s.tags().size() > MAX_TAGS) {
      return errorResponse(400, "BadParameter", "A secret can have at most 15 tags.");
    }
    // "up to 15 tags, each of which can have a 256 character name and a 256 character value"
    if (s.tags().entrySet().stream()
        .anyMatch(
            t -> t.getKey().length() > MAX_TAG_CHARS || t.getValue().length() > MAX_TAG_CHARS)) {
      return errorResponse(
          400, "BadParameter", "Tag names and values can be at most 256 characters.");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    List<KeyVaultSecretVersion> versions =
        secrets.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
    KeyVaultSecretVersion v;
    synchronized (versions) {
      String stored = versions.isEmpty() ? name : versions.get(0).name();
      v =
          new KeyVaultSecretVersion(
              stored,
              UUID.randomUUID().toString().replace("-", ""),
              Secret.of(s.value()),
              s.contentType(),
              s.tags(),
              s.enabled() == null || s.enabled(),
              s.nbf() == null ? null : Instant.ofEpochSecond(s.nbf()),
              s.exp() == null ? null : Instant.ofEpochSecond(s.exp()),
              now);
      versions.add(v);
    }
    return json(200, KeyVaultBodies.bundle(vault(), v, now));
  }

  private MockResponse read(String name, @Nullable String version) {
    List<KeyVaultSecretVersion> all = versions(name);
    KeyVaultSecretVersion found = null;
    for (KeyVaultSecretVersion v : all) {
      if (version == null || v.version().equalsIgnoreCase(version)) {
        found = v;
      }
    }
    if (found == null) {
      return notFound(version == null ? name : name + "/" + version);
    }
    if (!found.enabled()) {
      return json(
          403,
          KeyVaultBodies.error(
              "Forbidden", "Operation get is not allowed on a disabled secret.", "SecretDisabled"));
    }
    return json(200, KeyVaultBodies.bundle(vault(), found, found.created()));
  }

  private MockResponse notFound(String what) {
    return errorResponse(
        404,
        "SecretNotFound",
        "A secret with (name/id) "
            + what
            + " was not found in this key vault."
            + " If you recently deleted this secret you may be able to recover it using the correct recovery command.");
  }

  private String vault() {
    String base = baseUrl().toString();
    return base.substring(0, base.length() - 1);
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setHeader("x-ms-request-id", UUID.randomUUID())
        .setHeader("x-ms-keyvault-service-version", "1.9.1195.1")
        .body(body)
        .build();
  }
}
