package dev.rekey.acr.internal;

import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a token resource ({@code Tokens - Get}: {@code properties.credentials.passwords[]} with
 * {@code name} and {@code creationTime}; never a value) shows of each password slot: its creation
 * time; absent when the listed passwords do not include it (never generated); or unseen, when the
 * answer lists no passwords at all (the documented example carries no {@code credentials}) or the
 * slot without a readable time ({@code creationTime} is optional) — a change there cannot be seen.
 *
 * @param times each shown slot's creation time
 * @param unseen the slots whose state the answer does not show
 */
record TokenPasswordTimes(Map<TokenPasswordName, Instant> times, Set<TokenPasswordName> unseen) {

  /** Returns the creation time shown for {@code slot}, or null when it is absent or unseen. */
  @Nullable Instant of(TokenPasswordName slot) {
    return times.get(slot);
  }

  /**
   * Returns what {@code response} shows. Messages never quote the body.
   *
   * @throws RekeyException if the body is not a token resource
   */
  static TokenPasswordTimes decode(ApiResponse response) {
    JsonNode token = Codecs.jsonTree(response.body());
    if (!token.path("properties").isObject()) {
      throw new RekeyException("the token answer had no properties");
    }
    JsonNode passwords = token.path("properties").path("credentials").path("passwords");
    if (!passwords.isArray()) {
      return new TokenPasswordTimes(Map.of(), EnumSet.allOf(TokenPasswordName.class));
    }
    Map<TokenPasswordName, Instant> times = new EnumMap<>(TokenPasswordName.class);
    Set<TokenPasswordName> unseen = EnumSet.noneOf(TokenPasswordName.class);
    for (JsonNode p : passwords) {
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
        unseen.add(slot);
      } else {
        times.put(slot, at);
      }
    }
    return new TokenPasswordTimes(times, unseen);
  }
}
