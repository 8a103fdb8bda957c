package dev.rekey.acr.internal;

import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPassword;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiResponse;
import java.time.Instant;
import java.util.Optional;

/** Reads a {@code GenerateCredentialsResult} body; messages never quote the body. */
public final class GeneratedCredentialsDecoder {
  private GeneratedCredentialsDecoder() {}

  /**
   * Returns the credentials in {@code response}'s JSON body.
   *
   * @throws RekeyException if the body is not a readable result; the message names what is missing
   */
  public static GeneratedCredentials decode(ApiResponse response) {
    JsonNode body = Codecs.jsonTree(response.body());
    String username = text(body, "username").orElseThrow(() -> unreadable("no username"));
    GeneratedCredentials.Builder out = GeneratedCredentials.builder().username(username);
    for (JsonNode p : body.path("passwords")) {
      String name = text(p, "name").orElseThrow(() -> unreadable("a password without a name"));
      out.addPassword(
          TokenPassword.builder()
              .name(
                  TokenPasswordName.fromWireName(name)
                      .orElseThrow(() -> unreadable("an unknown password name")))
              .value(
                  Secret.of(
                      text(p, "value").orElseThrow(() -> unreadable("a password without a value"))))
              .expiry(text(p, "expiry").map(GeneratedCredentialsDecoder::instant))
              .creationTime(text(p, "creationTime").map(GeneratedCredentialsDecoder::instant))
              .build());
    }
    return out.build();
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(node.stringField(field));
  }

  private static Instant instant(String value) {
    return Codecs.isoInstant(value)
        .orElseThrow(() -> unreadable("a date-time that is not ISO-8601"));
  }

  private static RekeyException unreadable(String what) {
    return new RekeyException("the answer had " + what);
  }
}
