package dev.rekey.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecsJsonTest {
  @Test
  void readsIsoDateTimesWithOffsetFractionOrNoZoneAsUtc() {
    assertThat(Codecs.isoInstant("2020-12-31T15:59:59.0707808Z"))
        .contains(java.time.Instant.parse("2020-12-31T15:59:59.070780800Z"));
    assertThat(Codecs.isoInstant("2027-08-15T13:23:33+02:00"))
        .contains(java.time.Instant.parse("2027-08-15T11:23:33Z"));
    assertThat(Codecs.isoInstant("2027-08-15T13:23:33"))
        .contains(java.time.Instant.parse("2027-08-15T13:23:33Z"));
    assertThat(Codecs.isoInstant("next tuesday")).isEmpty();
  }

  @Test
  void fastUtcPathAgreesWithTheGeneralParser() {
    for (String v :
        new String[] {
          "2026-01-01T00:00:00Z", "1999-12-31T23:59:59.9Z", "2024-02-29T12:00:00.123456789Z",
          "2020-12-31T15:59:59.0707808Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"
        }) {
      assertThat(IsoInstants.utc(v)).as(v).isEqualTo(java.time.OffsetDateTime.parse(v).toInstant());
    }
    for (String v :
        new String[] {
          "2023-02-29T00:00:00Z",
          "2026-13-01T00:00:00Z",
          "2026-01-01T24:00:00Z",
          "2026-01-01T23:60:00Z",
          "2026-01-01T23:59:60Z",
          "2026-01-01T00:00:00.Z",
          "2026-01-01T00:00:00.1234567890Z",
          "2026-01-01T00:00:00+00:00",
          "2026-01-01 00:00:00Z",
          "2026-01-0aT00:00:00Z",
          "+2026-01-01T00:00:00Z"
        }) {
      assertThat(IsoInstants.utc(v)).as(v).isNull();
    }
    assertThat(Codecs.isoInstant("2023-02-29T00:00:00Z")).isEmpty();
    assertThat(Codecs.isoInstant("2026-01-01T23:59:60Z")).isEmpty();
  }

  @Test
  void deeplyNestedJsonFailsAsMalformedNotStackOverflow() {
    byte[] arrays = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    byte[] objects =
        ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    for (byte[] body : new byte[][] {arrays, objects}) {
      assertThatThrownBy(() -> Codecs.jsonTree(body)).isInstanceOf(MalformedBodyException.class);
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
  void nestingPastSixtyFourLevelsFailsAsMalformed() {
    byte[] deep = ("[".repeat(65) + "]".repeat(65)).getBytes(StandardCharsets.UTF_8);
    byte[] limit = ("[".repeat(64) + "]".repeat(64)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Codecs.jsonTree(deep)).isInstanceOf(MalformedBodyException.class);
    assertThat(Codecs.jsonTree(limit).isArray()).isTrue();
  }

  @Test
  void overlongNumberFailsAsMalformed() {
    byte[] body = ("{\"a\":" + "9".repeat(2_000) + "}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Codecs.jsonTree(body)).isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void secretIsWrittenAsAPlainString() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "password1");
    body.put("value", Secret.of("s3cr3t\"quoted"));
    body.put("n", 7);
    body.put("list", List.of(true, Map.of("x", 1.5)));
    body.put("none", null);
    String json = new String(Codecs.writeJson(body), StandardCharsets.UTF_8);
    assertThat(json)
        .isEqualTo(
            "{\"name\":\"password1\",\"value\":\"s3cr3t\\\"quoted\",\"n\":7,\"list\":[true,{\"x\":1.5}],\"none\":null}");
    assertThat(Codecs.jsonTree(json.getBytes(StandardCharsets.UTF_8)).path("value").stringValue())
        .isEqualTo("s3cr3t\"quoted");
  }

  @Test
  void writesATreeBackAsItWasRead() {
    String json = "{\"a\":[1,2.50,\"x\",null,false],\"b\":{\"c\":{}},\"d\":[]}";
    JsonNode tree = Codecs.jsonTree(json.getBytes(StandardCharsets.UTF_8));
    assertThat(new String(Codecs.writeJson(tree), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void refusesValuesOfNoJsonShape() {
    assertThatThrownBy(() -> Codecs.writeJson(Map.of("when", java.time.Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.time.Instant");
  }

  @Test
  void anEmptyBodyIsMissingAndContentAfterTheValueIsMalformed() {
    assertThat(Codecs.jsonTree(new byte[0]).isMissingNode()).isTrue();
    assertThat(Codecs.jsonTree(" \n".getBytes(StandardCharsets.UTF_8)).isMissingNode()).isTrue();
    assertThatThrownBy(() -> Codecs.jsonTree("{} {}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedBodyException.class);
    assertThatThrownBy(() -> Codecs.jsonTree("{\"a\":1".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedBodyException.class);
  }

  @Test
  void readsAByteOrderMarkedBody() {
    byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 'a', '"', ':', '1', '}'};
    assertThat(Codecs.jsonTree(body).path("a").asString()).isEqualTo("1");
  }

  @Test
  void laterDuplicatePropertyWinsInJson() {
    JsonNode tree =
        Codecs.jsonTree(
            "{\"a\":\"first\",\"b\":1,\"a\":\"second\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(tree.path("a").stringValue()).isEqualTo("second");
    assertThat(tree.size()).isEqualTo(2);
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
