package dev.rekey.rotation.azure.internal;

import dev.rekey.core.RekeyException;
import dev.rekey.core.Secret;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.Published;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.Slot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * How a rotation's credential is kept in a Key Vault secret version: a one-part credential as its
 * plain value ({@code text/plain}), several parts as a JSON object of them ({@code
 * application/json}), and tags naming the rotation id, target, slot and state ({@code current} or
 * {@code pending}).
 */
public final class KeyVaultRecords {
  /** The tag holding the id of the rotation that wrote the version. */
  public static final String ROTATION_ID = "rekey-rotation-id";

  /** The tag holding the target id. */
  public static final String TARGET = "rekey-target";

  /** Key Vault's longest tag value. */
  private static final int MAX_TAG_VALUE = 256;

  /** The tag holding the slot name, e.g. {@code key2}. */
  public static final String SLOT = "rekey-slot";

  /** The tag holding {@link #CURRENT} or {@link #PENDING}. */
  public static final String STATE = "rekey-state";

  /** The state of a version applications read. */
  public static final String CURRENT = "current";

  /** The state of a staged version, kept in the pending secret. */
  public static final String PENDING = "pending";

  private static final String TEXT = "text/plain";
  private static final String JSON_PARTS = "application/json";
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private KeyVaultRecords() {}

  /**
   * Returns the version to write for {@code credential} of {@code context}'s rotation in {@code
   * state}.
   */
  public static SecretBundle bundle(RotationContext context, Credential credential, String state) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(ROTATION_ID, context.rotationId());
    tags.put(TARGET, targetTag(context.targetId()));
    tags.put(SLOT, credential.slot().name());
    tags.put(STATE, state);
    boolean onePart =
        credential.parts().size() == 1 && credential.parts().containsKey(Credential.VALUE);
    Secret value = onePart ? credential.value() : Secret.of(partsJson(credential.parts()));
    // Key Vault keeps exp in whole seconds: write what it will read back, never later than asked
    Instant expires = credential.expiry().map(e -> e.truncatedTo(ChronoUnit.SECONDS)).orElse(null);
    return new SecretBundle("", value, onePart ? TEXT : JSON_PARTS, tags, expires);
  }

  /**
   * Returns whether {@code stored} holds what {@link #bundle} would write (value, tags, expiry).
   */
  public static boolean holds(SecretBundle stored, SecretBundle written) {
    return stored.value().equals(written.value())
        && stored.tags().entrySet().containsAll(written.tags().entrySet())
        && Objects.equals(stored.expires(), written.expires());
  }

  /**
   * Returns target {@code targetId}'s record kept in {@code stored}, a version of secret {@code
   * secretName}.
   *
   * @throws RekeyException if the version carries no Rekey tags (it was not written by a rotation)
   *     or its JSON parts cannot be read; the message names the secret and version, never a value
   * @throws IllegalStateException if the version is tagged with another target: its slot says
   *     nothing about this target's, and taking it would regenerate a slot in use
   */
  public static Published published(String secretName, SecretBundle stored, String targetId) {
    String owner = stored.tags().get(TARGET);
    if (owner != null && !owner.equals(targetTag(targetId))) {
      throw new IllegalStateException(
          "Key Vault secret "
              + secretName
              + " holds target "
              + owner
              + ", not "
              + targetId
              + "; use one secret per target");
    }
    String rotationId = stored.tags().get(ROTATION_ID);
    String slot = stored.tags().get(SLOT);
    if (rotationId == null || slot == null || slot.isBlank()) {
      throw new RekeyException(
          "Key Vault secret "
              + secretName
              + " version "
              + stored.version()
              + " has no "
              + SLOT
              + " and "
              + ROTATION_ID
              + " tags, so the slot in use is unknown: tag it with the slot applications use (e.g. "
              + SLOT
              + "=key1) and "
              + ROTATION_ID
              + "=initial before the first rotation");
    }
    Credential credential =
        JSON_PARTS.equals(stored.contentType())
            ? Credential.of(Slot.of(slot), parts(secretName, stored))
            : Credential.of(Slot.of(slot), stored.value());
    return Published.of(rotationId, credential.withExpiry(stored.expires()))
        .withVersion(stored.version());
  }

  /**
   * Returns the {@link #TARGET} tag of {@code targetId}: the id, or, past Key Vault's 256
   * characters (a NetApp bucket's id can be), its start and its SHA-256, still one per target.
   */
  static String targetTag(String targetId) {
    if (targetId.length() <= MAX_TAG_VALUE) {
      return targetId;
    }
    try {
      byte[] sha256 =
          MessageDigest.getInstance("SHA-256").digest(targetId.getBytes(StandardCharsets.UTF_8));
      String hash = HexFormat.of().formatHex(sha256);
      return targetId.substring(0, MAX_TAG_VALUE - hash.length() - 1) + "#" + hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static String partsJson(Map<String, Secret> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      parts.forEach((name, part) -> g.writeStringProperty(name, part.reveal()));
      g.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, Secret> parts(String secretName, SecretBundle stored) {
    Map<String, Secret> parts = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), stored.value().reveal())) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = p.currentName();
          if (p.nextToken() == JsonToken.VALUE_STRING) {
            parts.put(name, Secret.of(p.getString()));
          } else {
            p.skipChildren();
          }
        }
      }
    } catch (JacksonException e) {
      parts.clear();
    }
    if (parts.isEmpty()) {
      throw new RekeyException(
          "Key Vault secret "
              + secretName
              + " version "
              + stored.version()
              + " is "
              + JSON_PARTS
              + " but not an object of credential parts");
    }
    return parts;
  }
}
