package dev.rekey.testkit;

import dev.rekey.core.Secret;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.testkit.internal.Json;
import dev.rekey.testkit.internal.RandomSecrets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

/**
 * Azure Container Registry's {@code generateCredentials} over real HTTP: registries and tokens in
 * memory, ARM auth and errors, request validation like the service, fresh random passwords on every
 * call, and 202 flows through {@link Faults#planNextOperation(AsyncPlan)}. The registry's token
 * endpoint ({@code GET /oauth2/token?service={registry}.azurecr.io&scope=...} with HTTP basic token
 * name and password, on {@link #baseUrl()}) answers 200 with an access token only for a token's
 * current, unexpired password1 or password2, and 401 otherwise. {@code GET
 * .../registries/{registry}/tokens/{token}} answers the token resource as the Tokens - Get
 * reference shows it: {@code properties.credentials.passwords[]} with each generated password's
 * {@code name}, {@code creationTime} (renewed by every generation of that slot) and {@code expiry},
 * never its value.
 */
public final class AcrEmulator extends ArmEmulator {
  private static final Pattern PATH =
      Pattern.compile(
          "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers"
              + "/Microsoft\\.ContainerRegistry/registries/([^/]+)/generateCredentials",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TOKEN_PATH =
      Pattern.compile(
          "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.ContainerRegistry"
              + "/registries/([^/]+)/tokens/([^/]+)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern REGISTRY_NAME = Pattern.compile("^[a-zA-Z0-9]{5,50}$");

  private final Map<String, Map<String, AcrToken>> registries = new ConcurrentHashMap<>();
  private volatile Clock clock = Clock.systemUTC();
  private final RegistryTokenEndpoint tokenEndpoint =
      new RegistryTokenEndpoint(this::tokenOf, () -> clock);

  /**
   * Sets the clock that stamps creation times and judges expiries; {@link #reset()} puts back the
   * system clock.
   */
  public void clock(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds a registry with a token named {@code token}, and returns the token.
   *
   * @throws IllegalArgumentException if {@code resourceGroup} is not 1 to 90 characters
   */
  public AcrToken addToken(
      String subscriptionId, String resourceGroup, String registry, String token) {
    AcrToken t = new AcrToken(token);
    registries
        .computeIfAbsent(
            registryKey(subscriptionId, resourceGroupName(resourceGroup), registry),
            k -> new ConcurrentHashMap<>())
        .put(token.toLowerCase(Locale.ROOT), t);
    return t;
  }

  /** Returns the token {@code token} of a registry, if it exists. */
  public Optional<AcrToken> token(
      String subscriptionId, String resourceGroup, String registry, String token) {
    return Optional.ofNullable(registries.get(registryKey(subscriptionId, resourceGroup, registry)))
        .map(tokens -> tokens.get(token.toLowerCase(Locale.ROOT)));
  }

  /** The Microsoft.ContainerRegistry api-versions whose specs define generateCredentials. */
  @Override
  protected List<String> apiVersions() {
    return List.of(
        "2019-05-01-preview",
        "2019-12-01-preview",
        "2020-11-01-preview",
        "2021-06-01-preview",
        "2021-08-01-preview",
        "2021-09-01",
        "2021-12-01-preview",
        "2022-02-01-preview",
        "2022-12-01",
        "2023-01-01-preview",
        "2023-06-01-preview",
        "2023-07-01",
        "2023-08-01-preview",
        "2023-11-01-preview",
        "2024-11-01-preview",
        "2025-03-01-preview",
        "2025-04-01",
        "2025-05-01-preview",
        "2025-06-01-preview",
        "2025-11-01");
  }

  @Override
  protected @Nullable MockResponse handleDataPlane(RecordedRequest request) {
    return request.getUrl().encodedPath().equals(RegistryTokenEndpoint.PATH)
        ? tokenEndpoint.handle(request)
        : null;
  }

  private Optional<AcrToken> tokenOf(String registry, String token) {
    String suffix = "/" + registry.toLowerCase(Locale.ROOT);
    return registries.entrySet().stream()
        .filter(e -> e.getKey().endsWith(suffix))
        .findFirst()
        .map(e -> e.getValue().get(token.toLowerCase(Locale.ROOT)));
  }

  @Override
  protected void resetArmState() {
    registries.clear();
    clock = Clock.systemUTC();
  }

  @Override
  protected MockResponse handleArm(RecordedRequest request) {
    Matcher tokenPath = TOKEN_PATH.matcher(decodedPath(request));
    if (request.getMethod().equals("GET") && tokenPath.matches()) {
      String registry = tokenPath.group(3);
      Map<String, AcrToken> tokens =
          registries.get(registryKey(tokenPath.group(1), tokenPath.group(2), registry));
      return AcrTokenResource.get(decodedPath(request), registry, tokens, tokenPath.group(4));
    }
    Matcher path = PATH.matcher(decodedPath(request));
    if (!request.getMethod().equals("POST") || !path.matches()) {
      return errorResponse(
          404,
          "InvalidResourceType",
          "The resource type could not be found in the namespace 'Microsoft.ContainerRegistry'.");
    }
    String sub = path.group(1);
    String rg = path.group(2);
    String registry = path.group(3);
    if (!REGISTRY_NAME.matcher(registry).matches()) {
      return errorResponse(
          400,
          "InvalidResourceName",
          "Registry name '" + registry + "' must be 5-50 alphanumeric characters.");
    }
    Map<String, AcrToken> tokens = registries.get(registryKey(sub, rg, registry));
    if (tokens == null) {
      return errorResponse(
          404,
          "ResourceNotFound",
          "The Resource 'Microsoft.ContainerRegistry/registries/"
              + registry
              + "' under resource group '"
              + rg
              + "' was not found.");
    }
    JsonNode body = Json.read(request.getBody() == null ? "" : request.getBody().utf8());
    String tokenId = body.path("tokenId").asString("");
    String prefix = decodedPath(request).replaceFirst("(?i)/generateCredentials$", "/tokens/");
    if (!tokenId.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))
        || tokenId.length() == prefix.length()) {
      return armError(
          400, "InvalidTokenId", "tokenId must be a token of registry " + registry, "tokenId");
    }
    AcrToken token = tokens.get(tokenId.substring(prefix.length()).toLowerCase(Locale.ROOT));
    if (token == null) {
      return armError(
          404, "TokenNotFound", "The token was not found in registry " + registry + ".", "tokenId");
    }
    List<String> names = new ArrayList<>(List.of("password1", "password2"));
    if (body.hasNonNull("name")) {
      String name = body.path("name").asString("").toLowerCase(Locale.ROOT);
      if (!names.contains(name)) {
        return armError(400, "InvalidPasswordName", "name must be password1 or password2.", "name");
      }
      names = List.of(name);
    }
    Optional<Instant> expiry;
    try {
      expiry =
          body.hasNonNull("expiry")
              ? Optional.of(Instant.parse(body.path("expiry").asString()))
              : Optional.empty();
    } catch (DateTimeParseException e) {
      return armError(400, "InvalidExpiry", "expiry must be an ISO-8601 date-time.", "expiry");
    }
    // A past expiry is accepted: the reference page's own sample asks for 2020-12-31 and is
    // answered
    // 200 with it; the passwords are simply expired already (the token endpoint refuses them).
    List<String> chosen = names;
    return longRunning(() -> generate(token, chosen, expiry));
  }

  private MockResponse generate(AcrToken token, List<String> names, Optional<Instant> expiry) {
    Instant now = clock.instant();
    List<Map<String, Object>> passwords = new ArrayList<>();
    for (String name : names) {
      Secret value = Secret.of(RandomSecrets.alphanumeric(52));
      token.set(name, value, expiry, now);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("creationTime", now.toString());
      expiry.ifPresent(e -> p.put("expiry", e.toString()));
      p.put("name", name);
      p.put("value", value.reveal());
      passwords.add(p);
    }
    token.countGeneration();
    return json(200, Json.write(Map.of("username", token.name(), "passwords", passwords)));
  }

  private static MockResponse armError(int status, String code, String message, String target) {
    return json(status, Json.armError(code, message, target));
  }

  private static String registryKey(String sub, String rg, String registry) {
    return (sub + "/" + rg + "/" + registry).toLowerCase(Locale.ROOT);
  }
}
