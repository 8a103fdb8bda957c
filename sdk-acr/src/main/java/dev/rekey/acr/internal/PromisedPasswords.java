package dev.rekey.acr.internal;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.RekeyException;
import dev.rekey.core.internal.poll.ResultReader;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A {@code generateCredentials} call returns only with the passwords it promised: the named one, or
 * both when none was named. Otherwise the caller gets a {@link
 * dev.rekey.core.CredentialNotReturnedException} naming the regenerated slots and how to recover.
 */
final class PromisedPasswords {
  private PromisedPasswords() {}

  /** Returns the reader of {@code request}'s final answer. */
  static ResultReader<GeneratedCredentials> reader(GenerateCredentialsRequest request) {
    Set<TokenPasswordName> promised = promised(request);
    return ResultReader.ofRotation(
        response -> {
          GeneratedCredentials credentials =
              GeneratedCredentialsDecoder.decode(
                  response, () -> tokenName(request), request.passwordName().orElse(null));
          Set<TokenPasswordName> missing = EnumSet.copyOf(promised);
          credentials.passwords().forEach(p -> missing.remove(p.name()));
          if (!missing.isEmpty()) {
            throw new RekeyException("the answer had no " + names(missing));
          }
          return credentials;
        },
        () -> recovery(request));
  }

  /** Returns the slots {@code request} regenerates: the named one, or both. */
  static Set<TokenPasswordName> promised(GenerateCredentialsRequest request) {
    return request
        .passwordName()
        .map(EnumSet::of)
        .orElseGet(() -> EnumSet.allOf(TokenPasswordName.class));
  }

  /** Returns the name of the token {@code request} regenerates passwords of. */
  static String tokenName(GenerateCredentialsRequest request) {
    return request
        .token()
        .orElseGet(() -> TokenIds.parse(request.tokenId().orElseThrow()).orElseThrow().token());
  }

  /** Returns what exists on the service once {@code request} was applied, and how to recover. */
  static String recovery(GenerateCredentialsRequest request) {
    Set<TokenPasswordName> promised = promised(request);
    String slots = names(promised);
    String token = request.token().orElseGet(() -> request.tokenId().orElseThrow());
    return ResultReader.regenerated(
        slots + " of token " + token + " in registry " + request.registry(),
        promised.size(),
        "regenerate " + slots + " again, knowingly, and use the value that call returns");
  }

  private static String names(Set<TokenPasswordName> names) {
    StringJoiner wire = new StringJoiner(" and "); // the enum's order is the wire names' order
    for (TokenPasswordName name : names) {
      wire.add(name.wireName());
    }
    return wire.toString();
  }
}
