package dev.rekey.acr.internal;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACR token resource ids: {@code /subscriptions/{sub}/resourceGroups/{rg}/providers/
 * Microsoft.ContainerRegistry/registries/{registry}/tokens/{token}}, segment names
 * case-insensitive.
 */
public final class TokenIds {
  /** A registry name: letters and digits only (length is checked separately). */
  public static final Pattern REGISTRY_NAME = Pattern.compile("^[a-zA-Z0-9]*$");

  /** A token name: letters, digits and hyphens (length is checked separately). */
  public static final Pattern TOKEN_NAME = Pattern.compile("^[a-zA-Z0-9-]*$");

  private static final Pattern TOKEN_ID =
      Pattern.compile(
          "/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.ContainerRegistry"
              + "/registries/([^/]+)/tokens/([^/]+)",
          Pattern.CASE_INSENSITIVE);

  private TokenIds() {}

  /**
   * The parts of a token id.
   *
   * @param subscriptionId the subscription segment
   * @param resourceGroup the resource group segment
   * @param registry the registry segment
   * @param token the token segment
   */
  public record Parts(String subscriptionId, String resourceGroup, String registry, String token) {}

  /** Returns the parts of {@code tokenId}, or empty when it is not a token resource id. */
  public static Optional<Parts> parse(String tokenId) {
    Matcher m = TOKEN_ID.matcher(tokenId);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Parts(m.group(1), m.group(2), m.group(3), m.group(4)));
  }

  /** Returns the id of token {@code token} of a registry. */
  public static String of(
      String subscriptionId, String resourceGroup, String registry, String token) {
    return "/subscriptions/"
        + subscriptionId
        + "/resourceGroups/"
        + resourceGroup
        + "/providers/Microsoft.ContainerRegistry/registries/"
        + registry
        + "/tokens/"
        + token;
  }

  /**
   * Checks that {@code tokenId} is a token id of registry {@code registry} in {@code
   * resourceGroup}.
   *
   * @throws ValidationException naming the rule {@code tokenId} broke
   */
  public static Parts checkOfRegistry(String tokenId, String resourceGroup, String registry) {
    Parts parts =
        parse(tokenId)
            .orElseThrow(
                () ->
                    new ValidationException(
                        "tokenId",
                        Check.quote(tokenId),
                        "must be a token resource id /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
                            + "/providers/Microsoft.ContainerRegistry/registries/{registryName}/tokens/{tokenName}"));
    if (!same(parts.resourceGroup(), resourceGroup) || !same(parts.registry(), registry)) {
      throw new ValidationException(
          "tokenId",
          Check.quote(tokenId),
          "must be a token of registry " + registry + " in resource group " + resourceGroup);
    }
    String token = parts.token();
    // the token name's own rule: a segment such as ".." would make the read that settles a lost
    // answer (GET .../tokens/{token}) read another resource
    if (token.length() < 5 || token.length() > 50 || !TOKEN_NAME.matcher(token).matches()) {
      throw new ValidationException(
          "tokenId",
          Check.quote(tokenId),
          "must end in a token name of 5–50 letters, digits and hyphens");
    }
    return parts;
  }

  /**
   * Checks that {@code tokenId} belongs to subscription {@code subscriptionId}.
   *
   * @throws ValidationException if it names another subscription or is malformed
   */
  public static void checkOfSubscription(String tokenId, String subscriptionId) {
    Optional<Parts> parts = parse(tokenId);
    if (parts.isEmpty() || !same(parts.get().subscriptionId(), subscriptionId)) {
      throw new ValidationException(
          "tokenId",
          Check.quote(tokenId),
          "must be a token of subscription " + subscriptionId + " (the client's)");
    }
  }

  private static boolean same(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
