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
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code GenerateCredentialsResult} body, keeping every password it can: the reference page
 * marks none of its fields required, and a password dropped here is lost for good (the service
 * never shows it again). So when one slot was asked for and the answer holds one password without a
 * name, it is that slot's; any other entry without a name, a known name or a value is skipped
 * (whether the promised ones came is {@link PromisedPasswords}' question), a date that is not
 * ISO-8601 is absent, and a missing username is the token's name, the user name ACR gives a token's
 * passwords. Messages never quote the body.
 */
public final class GeneratedCredentialsDecoder {
  private GeneratedCredentialsDecoder() {}

  /**
   * Returns the credentials in {@code response}'s JSON body.
   *
   * @param token gives the token's name, the user name when the body has none (asked only then)
   * @param asked the one slot the call regenerated, or null when it regenerated both
   * @throws RekeyException if the body is not JSON
   */
  public static GeneratedCredentials decode(
      ApiResponse response, Supplier<String> token, @Nullable TokenPasswordName asked) {
    JsonNode body = Codecs.jsonTree(response.body());
    GeneratedCredentials.Builder out =
        GeneratedCredentials.builder().username(text(body, "username").orElseGet(token));
    JsonNode passwords = body.path("passwords");
    boolean onlyOne = asked != null && passwords.isArray() && passwords.size() == 1;
    for (JsonNode p : passwords) {
      Optional<TokenPasswordName> name =
          text(p, "name").isEmpty() && onlyOne
              ? Optional.of(asked)
              : text(p, "name").flatMap(TokenPasswordName::fromWireName);
      Optional<String> value = text(p, "value");
      if (name.isPresent() && value.isPresent()) {
        out.addPassword(
            TokenPassword.builder()
                .name(name.get())
                .value(Secret.of(value.get()))
                .expiry(instant(p, "expiry"))
                .creationTime(instant(p, "creationTime"))
                .build());
      }
    }
    return out.build();
  }

  /** A blank string is no value: an empty password is not a password the service returned. */
  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(node.nonBlankStringField(field));
  }

  private static Optional<Instant> instant(JsonNode node, String field) {
    return text(node, field).flatMap(Codecs::isoInstant);
  }
}
