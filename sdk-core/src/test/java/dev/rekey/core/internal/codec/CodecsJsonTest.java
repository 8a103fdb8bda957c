package dev.rekey.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rekey.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecsJsonTest {
  record Password(@JsonProperty("name") String name, @JsonProperty("value") Secret value) {}

  @Test
  void readsIsoDateTimesWithOffsetFractionOrNoZoneAsUtc() {
    assertThat(Codecs.isoInstant("2020-12-31T15:59:59.0707808Z"))
        .contains(java.time.Instant.parse("2020-12-31T15:59:59.070780800Z"));
    assertThat(Codecs.isoInstant("2027-08-15T13:23:33+02:00")).contains(java.time.Instant.parse("2027-08-15T11:23:33Z"));
    assertThat(Codecs.isoInstant("2027-08-15T13:23:33")).contains(java.time.Instant.parse("2027-08-15T13:23:33Z"));
    assertThat(Codecs.isoInstant("next tuesday")).isEmpty();
  }

  @Test
  void fastUtcPathAgreesWithTheGeneralParser() {
    for (String v : new String[] {
        "2026-01-01T00:00:00Z", "1999-12-31T23:59:59.9Z", "2024-02-29T12:00:00.123456789Z",
        "2020-12-31T15:59:59.0707808Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"}) {
      assertThat(IsoInstants.utc(v)).as(v).isEqualTo(java.time.OffsetDateTime.parse(v).toInstant());
    }
    for (String v : new String[] {
        "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z",
        "2026-01-01T23:59:60Z", "2026-01-01T00:00:00.Z", "2026-01-01T00:00:00.1234567890Z",
        "2026-01-01T00:00:00+00:00", "2026-01-01 00:00:00Z", "2026-01-0aT00:00:00Z", "+2026-01-01T00:00:00Z"}) {
      assertThat(IsoInstants.utc(v)).as(v).isNull();
    }
    assertThat(Codecs.isoInstant("2023-02-29T00:00:00Z")).isEmpty();
    assertThat(Codecs.isoInstant("2026-01-01T23:59:60Z")).isEmpty();
  }

  @Test
  void deeplyNestedJsonFailsAsMalformedNotStackOverflow() {
    byte[] arrays = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    byte[] objects = ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    for (byte[] body : new byte[][] {arrays, objects}) {
      assertThatThrownBy(() -> Codecs.jsonTree(body)).isInstanceOf(MalformedBodyException.class);
      assertThatThrownBy(() -> Codecs.readJson(body, Object.class)).isInstanceOf(MalformedBodyException.class);
      assertThatThrownBy(() -> Codecs.readJson(body, Map.class)).isInstanceOf(MalformedBodyException.class);
    }
  }

  @Test
  void overlongStringFailsAsMalformed() {
    byte[] body = ("{\"a\":\"" + "x".repeat(1_000_001) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Codecs.jsonTree(body))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageNotContaining("xxxx");
  }

  @Test
  void moderateNestingStillReads() {
    byte[] body = ("[".repeat(30) + "]".repeat(30)).getBytes(StandardCharsets.UTF_8);
    assertThat(Codecs.jsonTree(body).isArray()).isTrue();
  }

  @Test
  void secretIsAPlainStringBothWays() {
    Password p = new Password("password1", Secret.of("s3cr3t\"quoted"));
    String json = new String(Codecs.writeJson(p), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"name\":\"password1\",\"value\":\"s3cr3t\\\"quoted\"}");
    assertThat(Codecs.readJson(json.getBytes(StandardCharsets.UTF_8), Password.class)).isEqualTo(p);
    assertThat(Codecs.JSON.readValue("\"abc\"", Secret.class)).isEqualTo(Secret.of("abc"));
    assertThat(Codecs.JSON.writeValueAsString(Secret.of("abc"))).isEqualTo("\"abc\"");
  }

  @Test
  void malformedJsonMessageNeverQuotesTheBody() {
    byte[] body = "{\"password\":\"hunter2\",".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Codecs.jsonTree(body))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageNotContaining("hunter2")
        .hasNoCause();
  }
}
