package dev.rekey.testkit;

import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Key Vault's JSON bodies, read and written with jackson-core's streaming API. */
final class KeyVaultBodies {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** A Set Secret request body; {@code value} is null when the body had none. */
  record SetSecret(
      @Nullable String value,
      @Nullable String contentType,
      Map<String, String> tags,
      @Nullable Boolean enabled,
      @Nullable Long nbf,
      @Nullable Long exp) {}

  private KeyVaultBodies() {}

  /**
   * Reads a Set Secret body.
   *
   * @throws IllegalArgumentException naming the field when the body is not JSON of that shape
   */
  static SetSecret readSetSecret(String body) {
    String value = null;
    String contentType = null;
    Map<String, String> tags = new LinkedHashMap<>();
    Boolean enabled = null;
    Long nbf = null;
    Long exp = null;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, "body");
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "value" -> value = text(p, t, "value");
          case "contentType" ->
              contentType = t == JsonToken.VALUE_NULL ? null : text(p, t, "contentType");
          case "tags" -> readTags(p, t, tags);
          case "attributes" -> {
            expect(t, JsonToken.START_OBJECT, "attributes");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              String attribute = p.currentName();
              JsonToken a = p.nextToken();
              switch (attribute) {
                case "enabled" ->
                    enabled = a == JsonToken.VALUE_NULL ? null : a == JsonToken.VALUE_TRUE;
                case "nbf" -> nbf = number(p, a, "attributes.nbf");
                case "exp" -> exp = number(p, a, "attributes.exp");
                default -> p.skipChildren();
              }
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("body", e);
    }
    return new SetSecret(value, contentType, tags, enabled, nbf, exp);
  }

  /** Writes a SecretBundle: value, id, attributes, tags and content type. */
  static String bundle(String vault, KeyVaultSecretVersion v, Instant updated) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeStringProperty("value", v.value().reveal());
          item(g, vault, v, updated);
          g.writeEndObject();
        });
  }

  /** Writes a page of SecretItems (no values) with a null {@code nextLink}. */
  static String versions(String vault, List<KeyVaultSecretVersion> versions, Instant updated) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeArrayPropertyStart("value");
          for (KeyVaultSecretVersion v : versions) {
            g.writeStartObject();
            item(g, vault, v, updated);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNullProperty("nextLink");
          g.writeEndObject();
        });
  }

  /** Writes Key Vault's error body, with an inner error code when given. */
  static String error(String code, String message, @Nullable String innerCode) {
    return write(
        g -> {
          g.writeStartObject();
          g.writeObjectPropertyStart("error");
          g.writeStringProperty("code", code);
          g.writeStringProperty("message", message);
          if (innerCode != null) {
            g.writeObjectPropertyStart("innererror");
            g.writeStringProperty("code", innerCode);
            g.writeEndObject();
          }
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  private static void item(
      JsonGenerator g, String vault, KeyVaultSecretVersion v, Instant updated) {
    g.writeStringProperty("id", vault + "/secrets/" + v.name() + "/" + v.version());
    if (v.contentType() != null) {
      g.writeStringProperty("contentType", v.contentType());
    }
    g.writeObjectPropertyStart("attributes");
    g.writeBooleanProperty("enabled", v.enabled());
    if (v.notBefore() != null) {
      g.writeNumberProperty("nbf", v.notBefore().getEpochSecond());
    }
    if (v.expires() != null) {
      g.writeNumberProperty("exp", v.expires().getEpochSecond());
    }
    g.writeNumberProperty("created", v.created().getEpochSecond());
    g.writeNumberProperty("updated", updated.getEpochSecond());
    g.writeStringProperty("recoveryLevel", "Recoverable+Purgeable");
    g.writeNumberProperty("recoverableDays", 90);
    g.writeEndObject();
    g.writeObjectPropertyStart("tags");
    for (Map.Entry<String, String> tag : v.tags().entrySet()) {
      g.writeStringProperty(tag.getKey(), tag.getValue());
    }
    g.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator g);
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      body.write(g);
    }
    return out.toString();
  }

  private static void readTags(JsonParser p, JsonToken t, Map<String, String> tags) {
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    expect(t, JsonToken.START_OBJECT, "tags");
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      tags.put(name, text(p, p.nextToken(), "tags." + name));
    }
  }

  private static String text(JsonParser p, JsonToken t, String field) {
    expect(t, JsonToken.VALUE_STRING, field);
    return p.getString();
  }

  private static @Nullable Long number(JsonParser p, JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(t, JsonToken.VALUE_NUMBER_INT, field);
    return p.getLongValue();
  }

  private static void expect(@Nullable JsonToken actual, JsonToken expected, String field) {
    if (actual != expected) {
      throw new IllegalArgumentException(field);
    }
  }
}
