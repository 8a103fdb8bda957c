package dev.rekey.rotation.azure.internal;

import dev.rekey.core.Secret;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/** Key Vault's Set Secret body and SecretBundle answer, with jackson-core's streaming API only. */
final class SecretBundleJson {
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(16)
                  .maxStringLength(1_000_000)
                  .build())
          .build();

  private SecretBundleJson() {}

  /** Returns the Set Secret body: value, content type, tags and {@code attributes.exp}. */
  static byte[] setSecret(SecretBundle bundle) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("value", bundle.value().reveal());
      if (bundle.contentType() != null) {
        g.writeStringProperty("contentType", bundle.contentType());
      }
      g.writeObjectPropertyStart("tags");
      for (Map.Entry<String, String> tag : bundle.tags().entrySet()) {
        g.writeStringProperty(tag.getKey(), tag.getValue());
      }
      g.writeEndObject();
      if (bundle.expires() != null) {
        g.writeObjectPropertyStart("attributes");
        g.writeNumberProperty("exp", bundle.expires().getEpochSecond());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * Reads a SecretBundle; the version is the last segment of its {@code id}.
   *
   * @throws IllegalArgumentException if the body is not a SecretBundle (the message names the
   *     field, never a value)
   */
  static SecretBundle read(byte[] body) {
    String id = null;
    String value = null;
    String contentType = null;
    Map<String, String> tags = new LinkedHashMap<>();
    Long exp = null;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("the secret bundle is not a JSON object");
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "id" -> id = string(p, t);
          case "value" -> value = string(p, t);
          case "contentType" -> contentType = string(p, t);
          case "tags" -> readTags(p, t, tags);
          case "attributes" -> exp = readExp(p, t);
          default -> p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "the secret bundle is not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    }
    if (id == null || value == null) {
      throw new IllegalArgumentException(
          "the secret bundle has no " + (id == null ? "id" : "value"));
    }
    String version = id.substring(id.lastIndexOf('/') + 1);
    return new SecretBundle(
        version,
        Secret.of(value),
        contentType,
        tags,
        exp == null ? null : Instant.ofEpochSecond(exp));
  }

  private static void readTags(JsonParser p, JsonToken t, Map<String, String> tags) {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      String value = string(p, p.nextToken());
      if (value != null) {
        tags.put(name, value);
      }
    }
  }

  private static @Nullable Long readExp(JsonParser p, JsonToken t) {
    Long exp = null;
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals("exp") && v == JsonToken.VALUE_NUMBER_INT) {
        exp = p.getLongValue();
      } else {
        p.skipChildren();
      }
    }
    return exp;
  }

  private static @Nullable String string(JsonParser p, JsonToken t) {
    if (t == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    p.skipChildren();
    return null;
  }
}
