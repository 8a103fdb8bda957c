package dev.rekey.rotation.internal;

import dev.rekey.rotation.JournalRecord;
import dev.rekey.rotation.Step;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One journal record as one JSON line, with jackson-core's streaming API (no databind): {@code
 * {"rotation":"…","target":"…","step":"REGENERATE","phase":"INTENT","slot":"key2",
 * "at":"2026-12-01T02:00:00Z","detail":"…"}}; {@code slot} and {@code detail} only when present.
 */
public final class JournalCodec {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private JournalCodec() {}

  /** Returns {@code record} as one line of JSON, without the line break. */
  public static String encode(JournalRecord record) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("rotation", record.rotationId());
      g.writeStringProperty("target", record.targetId());
      g.writeStringProperty("step", record.step().name());
      g.writeStringProperty("phase", record.phase().name());
      if (record.slot().isPresent()) {
        g.writeStringProperty("slot", record.slot().get().name());
      }
      g.writeStringProperty("at", record.at().toString());
      if (record.detail().isPresent()) {
        g.writeStringProperty("detail", record.detail().get());
      }
      g.writeEndObject();
    }
    return out.toString();
  }

  /**
   * Returns the record in {@code line}, or empty if the line is not a whole record (a torn write)
   * or names a step, phase or time this version cannot read.
   */
  public static Optional<JournalRecord> decode(String line) {
    String rotation = null;
    String target = null;
    String step = null;
    String phase = null;
    String slot = null;
    String at = null;
    String detail = null;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        p.nextToken();
        String value = p.getString();
        switch (name) {
          case "rotation" -> rotation = value;
          case "target" -> target = value;
          case "step" -> step = value;
          case "phase" -> phase = value;
          case "slot" -> slot = value;
          case "at" -> at = value;
          case "detail" -> detail = value;
          default -> {}
        }
      }
      if (t != JsonToken.END_OBJECT) {
        return Optional.empty();
      }
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (rotation == null || target == null || step == null || phase == null || at == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(record(rotation, target, step, phase, slot, at, detail));
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      return Optional.empty(); // a step, phase or time this version does not know
    }
  }

  private static JournalRecord record(
      String rotation,
      String target,
      String step,
      String phase,
      @Nullable String slot,
      String at,
      @Nullable String detail) {
    return JournalRecord.of(
        rotation,
        target,
        Step.valueOf(step),
        JournalRecord.Phase.valueOf(phase),
        slot,
        Instant.parse(at),
        detail);
  }
}
