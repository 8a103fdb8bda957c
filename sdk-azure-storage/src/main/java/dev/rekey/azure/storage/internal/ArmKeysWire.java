package dev.rekey.azure.storage.internal;

import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyPermission;
import dev.rekey.azure.storage.model.StorageAccountKey;
import dev.rekey.azure.storage.model.StorageAccountKeys;
import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.core.internal.codec.Codecs;
import dev.rekey.core.internal.codec.JsonNode;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.poll.ResultReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ARM storage keys JSON: {@code {"keyName":"key1"}} out, {@code {"keys":[...]}} in. */
public final class ArmKeysWire {
  private ArmKeysWire() {}

  /** Returns the {@code regenerateKey} body. */
  public static byte[] regenerateBody(KeyName keyName) {
    return ("{\"keyName\":\"" + keyName.wireName() + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns how a {@code listKeys} answer is read: a read, so an unreadable answer changed nothing.
   */
  public static ResultReader<StorageAccountKeys> listed() {
    return ResultReader.ofRead(
        response -> StorageAccountKeys.builder().keys(keys(response)).build());
  }

  /**
   * Returns how a {@code regenerateKey} answer is read: it returns only with both account keys
   * (key1 and key2, as the service always answers), or with the Kerberos key regenerated (the
   * service's answer then holds the account keys and that one alone); otherwise a {@link
   * dev.rekey.core.CredentialNotReturnedException} says that {@code keyName} of {@code account} was
   * regenerated.
   */
  public static ResultReader<StorageAccountKeys> regenerated(String account, KeyName keyName) {
    return ResultReader.ofRegeneration(
        response -> {
          List<StorageAccountKey> keys = keys(response);
          List<KeyName> promised =
              keyName.isKerberos() ? List.of(keyName) : List.of(keyName, keyName.other());
          for (KeyName k : promised) {
            if (keys.stream().noneMatch(key -> key.keyName().equalsIgnoreCase(k.wireName()))) {
              throw new RekeyException("the answer had no " + k.wireName());
            }
          }
          return StorageAccountKeys.builder().keys(keys).build();
        },
        () -> keyName.wireName() + " of storage account " + account,
        1,
        keyName.isKerberos()
            ? "list the keys with includeKerberosKeys (listKeys $expand=kerb) to read the new value"
            : "list the keys (listKeys) to read the new value");
  }

  /**
   * Reads every key of a {@code listKeys} or {@code regenerateKey} answer; permissions in any case,
   * unknown fields skipped.
   *
   * @throws RekeyException if the body is not JSON or holds no key with a name and value
   */
  public static List<StorageAccountKey> keys(ApiResponse response) {
    JsonNode keys = Codecs.jsonTree(response.body()).path("keys");
    List<StorageAccountKey> out = new ArrayList<>();
    for (JsonNode key : keys) {
      String name = key.nonBlankStringField("keyName");
      String value = key.nonBlankStringField("value");
      if (name == null || value == null) {
        continue;
      }
      StorageAccountKey.Builder b =
          StorageAccountKey.builder().keyName(name).value(Secret.of(value));
      String permissions = key.nonBlankStringField("permissions");
      if (permissions != null) {
        KeyPermission.parse(permissions).ifPresent(b::permissions);
      }
      b.creationTime(instant(key.nonBlankStringField("creationTime")));
      out.add(b.build());
    }
    if (out.isEmpty()) {
      throw new RekeyException(
          "the storage account answered HTTP "
              + response.statusCode()
              + " without any key"
              + (response.requestId() == null ? "" : " [request id " + response.requestId() + "]"));
    }
    return List.copyOf(out);
  }

  private static @Nullable Instant instant(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return Codecs.isoInstant(text).orElse(null);
  }
}
