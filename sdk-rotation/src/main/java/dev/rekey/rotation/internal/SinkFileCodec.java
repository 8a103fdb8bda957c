package dev.rekey.rotation.internal;

import dev.rekey.core.Secret;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.Published;
import dev.rekey.rotation.Slot;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The file sink's format, with jackson-core's streaming API (no databind):
 *
 * <pre>{@code
 * {"target":"ontap:svc-backup",
 *  "current":{"rotation":"…","slot":"password","expiry":"2027-01-01T00:00:00Z","parts":{"value":"…"}},
 *  "pending":{…same shape…}}
 * }</pre>
 *
 * {@code expiry} and {@code pending} only when present.
 */
public final class SinkFileCodec {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** The file's content: whose it is, and what is current and pending. */
  public record Content(
      String targetId, @Nullable Published current, @Nullable Published pending) {}

  private SinkFileCodec() {}

  /** Returns {@code content} as JSON text. */
  public static String encode(Content content) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("target", content.targetId());
      write(g, "current", content.current());
      write(g, "pending", content.pending());
      g.writeEndObject();
    }
    return out.append('\n').toString();
  }

  private static void write(JsonGenerator g, String name, @Nullable Published p) {
    if (p == null) {
      return;
    }
    g.writeName(name);
    g.writeStartObject();
    g.writeStringProperty("rotation", p.rotationId());
    g.writeStringProperty("slot", p.slot().name());
    if (p.credential().expiry().isPresent()) {
      g.writeStringProperty("expiry", p.credential().expiry().get().toString());
    }
    g.writeName("parts");
    g.writeStartObject();
    for (Map.Entry<String, Secret> part : p.credential().parts().entrySet()) {
      g.writeStringProperty(part.getKey(), part.getValue().reveal());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * Returns the content of {@code json}.
   *
   * @throws IllegalStateException if it is not in this format (the message never quotes the text)
   */
  public static Content decode(String json) {
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), json)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      String target = null;
      Published current = null;
      Published pending = null;
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "target" -> target = p.getString();
          case "current" -> current = published(p);
          case "pending" -> pending = published(p);
          default -> p.skipChildren();
        }
      }
      if (target == null) {
        throw new IllegalStateException("sink file has no target");
      }
      return new Content(target, current, pending);
    } catch (tools.jackson.core.JacksonException e) {
      // No cause and no location text: either could quote the file, which holds secrets.
      throw new IllegalStateException("sink file is not valid JSON");
    }
  }

  private static Published published(JsonParser p) {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    String rotation = null;
    String slot = null;
    Instant expiry = null;
    Map<String, Secret> parts = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "rotation" -> rotation = p.getString();
        case "slot" -> slot = p.getString();
        case "expiry" -> expiry = Instant.parse(p.getString());
        case "parts" -> {
          expect(p.currentToken(), JsonToken.START_OBJECT);
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String part = p.currentName();
            p.nextToken();
            parts.put(part, Secret.of(p.getString()));
          }
        }
        default -> p.skipChildren();
      }
    }
    if (rotation == null || slot == null || parts.isEmpty()) {
      throw new IllegalStateException("sink file entry lacks rotation, slot or parts");
    }
    return Published.of(rotation, Credential.of(Slot.of(slot), parts).withExpiry(expiry));
  }

  private static void expect(@Nullable JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalStateException("sink file: expected " + expected + " but found " + actual);
    }
  }

  /**
   * Returns the content with {@code current} replaced and the pending one cleared if it is the same
   * rotation's.
   */
  public static Content withCurrent(Optional<Content> old, String targetId, Published current) {
    Published pending =
        old.map(Content::pending)
            .filter(p -> !p.rotationId().equals(current.rotationId()))
            .orElse(null);
    return new Content(targetId, current, pending);
  }
}
