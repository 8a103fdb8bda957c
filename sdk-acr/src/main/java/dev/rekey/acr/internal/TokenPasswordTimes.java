package dev.rekey.acr.internal;

import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads the creation time of each password slot from a token resource ({@code Tokens - Get}: {@code
 * properties.credentials.passwords[]} with {@code name} and {@code creationTime}; the service never
 * returns a value there). A slot never generated is absent. Messages never quote the body.
 */
final class TokenPasswordTimes {
  private TokenPasswordTimes() {}

  /**
   * Returns each listed slot's creation time.
   *
   * @throws RekeyException if the body is not a token resource or a password of a known slot lacks
   *     a readable {@code creationTime} (read as absent, its change could not be seen)
   */
  static Map<TokenPasswordName, Instant> decode(ApiResponse response) {
    JsonNode token = Codecs.jsonTree(response.body());
    if (!token.path("properties").isObject()) {
      throw new RekeyException("the token answer had no properties");
    }
    Map<TokenPasswordName, Instant> times = new EnumMap<>(TokenPasswordName.class);
    for (JsonNode p : token.path("properties").path("credentials").path("passwords")) {
      JsonNode name = p.path("name");
      JsonNode created = p.path("creationTime");
      TokenPasswordName slot =
          name.isString() ? TokenPasswordName.fromWireName(name.stringValue()).orElse(null) : null;
      if (slot == null) {
        continue; // not a slot Rekey regenerates, so not one whose change it must see
      }
      Instant at =
          created.isString() ? Codecs.isoInstant(created.stringValue()).orElse(null) : null;
      if (at == null) {
        throw new RekeyException("the token answer had a password without a readable creationTime");
      }
      times.put(slot, at);
    }
    return times;
  }
}
