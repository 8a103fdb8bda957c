package dev.rekey.testkit;

import dev.rekey.testkit.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Tokens - Get} answer of the {@link AcrEmulator}: the token resource ({@code id},
 * {@code name}, {@code type}, {@code properties}) whose {@code credentials.passwords[]} list each
 * generated password's {@code creationTime}, {@code expiry} and {@code name} — never its value,
 * which only {@code generateCredentials} returns.
 */
final class AcrTokenResource {
  private AcrTokenResource() {}

  static MockResponse get(
      String path, String registry, @Nullable Map<String, AcrToken> tokens, String tokenName) {
    if (tokens == null) {
      return ArmEmulator.json(
          404,
          Json.armError(
              "ResourceNotFound",
              "The Resource 'Microsoft.ContainerRegistry/registries/"
                  + registry
                  + "' was not found.",
              null));
    }
    AcrToken token = tokens.get(tokenName.toLowerCase(Locale.ROOT));
    if (token == null) {
      return ArmEmulator.json(
          404,
          Json.armError(
              "ResourceNotFound",
              "The Resource 'Microsoft.ContainerRegistry/registries/"
                  + registry
                  + "/tokens/"
                  + tokenName
                  + "' was not found.",
              null));
    }
    List<Map<String, Object>> passwords = new ArrayList<>();
    for (String name : List.of("password1", "password2")) {
      token
          .creationTime(name)
          .ifPresent(
              created -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("creationTime", created.toString());
                token.expiry(name).ifPresent(e -> p.put("expiry", e.toString()));
                p.put("name", name);
                passwords.add(p);
              });
    }
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("certificates", List.of());
    credentials.put("passwords", passwords);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("creationDate", "2026-01-01T00:00:00.0000000Z");
    properties.put(
        "scopeMapId", path.replaceFirst("(?i)/tokens/[^/]+$", "/scopeMaps/_repositories_pull"));
    properties.put("provisioningState", "Succeeded");
    properties.put("status", "enabled");
    properties.put("credentials", credentials);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", path);
    body.put("name", token.name());
    body.put("type", "Microsoft.ContainerRegistry/registries/tokens");
    body.put("properties", properties);
    return ArmEmulator.json(200, Json.write(body));
  }
}
