package dev.rekey.azure.storage.internal;

import dev.rekey.core.ServiceError;
import dev.rekey.core.internal.codec.ErrorText;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.ErrorDecoder;
import java.util.List;

/**
 * Reads classic Azure Service Management error bodies: {@code <Error
 * xmlns="http://schemas.microsoft.com/windowsazure"><Code>ResourceNotFound</Code><Message>…</Message>
 * </Error>}, whatever the namespace ({@code http}, {@code https} or none), with or without an XML
 * declaration or byte-order mark. Bodies that declare a DTD are treated as unreadable.
 */
public final class ClassicErrorDecoder implements ErrorDecoder {

  /** Creates the decoder; it holds no state and may be shared. */
  public ClassicErrorDecoder() {}

  /**
   * Returns the error the body describes, else only the status and request id (empty, HTML or
   * otherwise unreadable body). Never throws.
   */
  @Override
  public ServiceError decode(ApiResponse response) {
    ServiceError fallback = ServiceError.ofStatus(response.statusCode(), response.requestId());
    try {
      JsonNode error = XmlCodec.xmlTree(response.body());
      String code = ErrorText.field(error, "Code");
      String message = ErrorText.field(error, "Message");
      if (code == null && message == null) {
        return fallback;
      }
      return new ServiceError(
          response.statusCode(), code, message, null, List.of(), response.requestId());
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  @Override
  public String toString() {
    return "ClassicErrorDecoder";
  }
}
