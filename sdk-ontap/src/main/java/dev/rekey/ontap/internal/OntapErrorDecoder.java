package dev.rekey.ontap.internal;

import dev.rekey.core.ServiceError;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.ErrorText;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.ErrorDecoder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads NetApp ONTAP REST error bodies: {@code {"error":{"message","code":"7077919","target",
 * "arguments":[{"code","message"}]}}}. The code is kept as text whether it arrives as a string or a
 * number; each argument becomes a {@link ServiceError.Detail} (a single argument object is accepted
 * too, as ONTAP's own reference shows one).
 */
public final class OntapErrorDecoder implements ErrorDecoder {
  static final int MAX_DETAILS = 50;

  /** Creates the decoder; it holds no state and may be shared. */
  public OntapErrorDecoder() {}

  /**
   * Returns the error the body describes, else only the status and request id (empty, HTML or
   * otherwise unreadable body). Never throws.
   */
  @Override
  public ServiceError decode(ApiResponse response) {
    ServiceError fallback = ServiceError.ofStatus(response.statusCode(), response.requestId());
    try {
      JsonNode error = Codecs.jsonTree(response.body()).get("error");
      String code = ErrorText.field(error, "code");
      String message = ErrorText.field(error, "message");
      if (error == null || (code == null && message == null)) {
        return fallback;
      }
      return new ServiceError(
          response.statusCode(),
          code,
          message,
          ErrorText.field(error, "target"),
          arguments(error.get("arguments")),
          response.requestId());
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static List<ServiceError.Detail> arguments(@Nullable JsonNode arguments) {
    List<ServiceError.Detail> details = new ArrayList<>();
    if (arguments != null && arguments.isObject()) {
      addArgument(arguments, details);
    } else if (arguments != null && arguments.isArray()) {
      for (JsonNode a : arguments) {
        if (details.size() < MAX_DETAILS) {
          addArgument(a, details);
        }
      }
    }
    return details;
  }

  private static void addArgument(JsonNode argument, List<ServiceError.Detail> into) {
    String code = ErrorText.field(argument, "code");
    String message = ErrorText.field(argument, "message");
    if (code != null || message != null) {
      into.add(new ServiceError.Detail(code, message, null));
    }
  }

  @Override
  public String toString() {
    return "OntapErrorDecoder";
  }
}
