package dev.rekey.azure.storage.internal;

import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The classic Service Management storage keys XML: the {@code RegenerateKeys} body Rekey sends, and
 * the {@code StorageService} answer read by local names whatever the namespace (http, https or
 * none), unknown elements skipped, {@code i:nil} and empty elements read as absent, DTDs refused.
 */
public final class ClassicWire {
  /** The namespace the Service Management API defines its elements in. */
  public static final String NAMESPACE = "http://schemas.microsoft.com/windowsazure";

  private static final byte[] REGENERATE_PRIMARY = regenerateKeysXml(KeyType.PRIMARY);
  private static final byte[] REGENERATE_SECONDARY = regenerateKeysXml(KeyType.SECONDARY);

  private ClassicWire() {}

  /**
   * Returns the {@code RegenerateKeys} request body for {@code keyType}: one shared array, sent as
   * it is by {@link dev.rekey.core.internal.http.ApiRequest#post}; never change it.
   */
  static byte[] regenerateKeysBody(KeyType keyType) {
    return keyType == KeyType.PRIMARY ? REGENERATE_PRIMARY : REGENERATE_SECONDARY;
  }

  private static byte[] regenerateKeysXml(KeyType keyType) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<RegenerateKeys xmlns=\""
            + NAMESPACE
            + "\"><KeyType>"
            + keyType.wireName()
            + "</KeyType></RegenerateKeys>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a {@code StorageService} answer into keys, with the answer's request id.
   *
   * @throws RekeyException if the body is not XML, declares a DTD, or lacks either key
   */
  public static StorageServiceKeys storageServiceKeys(ApiResponse response) {
    JsonNode root = XmlCodec.xmlTree(response.body());
    JsonNode keys = root.path("StorageServiceKeys");
    String primary = text(keys, "Primary");
    String secondary = text(keys, "Secondary");
    if (primary == null || secondary == null) {
      throw new RekeyException(
          "the storage service answered HTTP "
              + response.statusCode()
              + " without "
              + (primary == null ? "a Primary" : "a Secondary")
              + " key"
              + (response.requestId() == null ? "" : " [request id " + response.requestId() + "]"));
    }
    String url = text(root, "Url");
    return StorageServiceKeys.builder()
        .url(url == null ? storageServiceUrl(response.url()) : url)
        .primary(Secret.of(primary))
        .secondary(Secret.of(secondary))
        .requestId(response.requestId())
        .build();
  }

  /**
   * Returns what {@code Url} stands for, the storage service's Get Storage Account Properties URI,
   * from the keys URI that was called: {@code .../storageservices/{name}/keys?action=regenerate}
   * becomes {@code .../storageservices/{name}}.
   */
  private static String storageServiceUrl(HttpUrl keysUrl) {
    HttpUrl.Builder b = keysUrl.newBuilder().query(null);
    int last = keysUrl.pathSize() - 1;
    if ("keys".equals(keysUrl.pathSegments().get(last))) {
      b.removePathSegment(last);
    }
    return b.build().toString();
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode element = node.path(field);
    // an element with attributes keeps its text under the empty name
    return element.isObject() ? element.trimmedStringField("") : node.trimmedStringField(field);
  }
}
