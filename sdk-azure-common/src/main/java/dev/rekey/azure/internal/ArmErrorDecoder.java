package dev.rekey.azure.internal;

import dev.rekey.core.ServiceError;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.ErrorText;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.ErrorDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Azure Resource Manager error bodies: {@code
 * {"error":{"code","message","target","details":[…], "additionalInfo":[…]}}}, or the error object
 * itself without the {@code error} wrapper, as some resource providers send; any member name may be
 * capitalised ({@code Error}, {@code Details}). Nested details are flattened depth-first (at most
 * {@value #MAX_DETAILS}), followed by the chain of {@code innererror} codes Key Vault sends ({@code
 * ForbiddenByPolicy}, {@code ObjectIsDeletedButRecoverable}); {@code additionalInfo} entries keep
 * their type and their {@code info} as compact JSON text, cleaned and capped like every text taken
 * from a body.
 */
public final class ArmErrorDecoder implements ErrorDecoder {
  static final int MAX_DETAILS = 50;

  /** Creates the decoder; it holds no state and may be shared. */
  public ArmErrorDecoder() {}

  /**
   * Returns the error the body describes, else only the status and request id (empty, HTML or
   * otherwise unreadable body). Never throws.
   */
  @Override
  public ServiceError decode(ApiResponse response) {
    ServiceError fallback = ServiceError.ofStatus(response.statusCode(), response.requestId());
    try {
      JsonNode root = Codecs.jsonTree(response.body());
      JsonNode wrapped = member(root, "error");
      JsonNode error = wrapped != null && wrapped.isObject() ? wrapped : root;
      String code = ErrorText.field(error, "code");
      String message = ErrorText.field(error, "message");
      if (code == null && message == null) {
        return fallback;
      }
      List<ServiceError.Detail> details = new ArrayList<>();
      collectDetails(member(error, "details"), details);
      for (JsonNode inner = member(error, "innererror");
          inner != null && inner.isObject() && details.size() < MAX_DETAILS;
          inner = member(inner, "innererror")) {
        details.add(
            new ServiceError.Detail(
                ErrorText.field(inner, "code"), ErrorText.field(inner, "message"), null));
      }
      return new ServiceError(
          response.statusCode(),
          code,
          message,
          ErrorText.field(error, "target"),
          details,
          response.requestId(),
          additionalInfo(member(error, "additionalInfo")));
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static List<ServiceError.AdditionalInfo> additionalInfo(@Nullable JsonNode entries) {
    List<ServiceError.AdditionalInfo> out = new ArrayList<>();
    if (entries != null && entries.isArray()) {
      for (JsonNode entry : entries) {
        if (entry.isObject() && out.size() < MAX_DETAILS) {
          JsonNode info = member(entry, "info");
          out.add(
              new ServiceError.AdditionalInfo(
                  ErrorText.field(entry, "type"),
                  info == null || info.isNull()
                      ? null
                      : ErrorText.clean(
                          new String(Codecs.writeJson(info), StandardCharsets.UTF_8))));
        }
      }
    }
    return out;
  }

  private static void collectDetails(@Nullable JsonNode details, List<ServiceError.Detail> into) {
    if (details == null || !details.isArray()) {
      return;
    }
    for (JsonNode d : details) {
      if (into.size() >= MAX_DETAILS) {
        return;
      }
      if (d.isObject()) {
        into.add(
            new ServiceError.Detail(
                ErrorText.field(d, "code"),
                ErrorText.field(d, "message"),
                ErrorText.field(d, "target")));
        collectDetails(member(d, "details"), into);
      }
    }
  }

  /** Returns {@code object}'s member {@code name}, or its capitalised form; null if neither. */
  private static @Nullable JsonNode member(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value != null
        ? value
        : object.get(Character.toUpperCase(name.charAt(0)) + name.substring(1));
  }

  @Override
  public String toString() {
    return "ArmErrorDecoder";
  }
}
