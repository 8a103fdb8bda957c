package dev.rekey.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonNodeTest {
  private static final JsonNode TREE =
      Codecs.jsonTree(
          ("{\"s\":\"text\",\"n\":7077919,\"f\":-1.5e3,\"t\":true,\"z\":null,"
                  + "\"a\":[\"x\",{\"k\":\"v\"}],\"o\":{\"b\":\"2\",\"a\":\"1\"}}")
              .getBytes(StandardCharsets.UTF_8));

  @Test
  void pathNeverReturnsNullAndGetDoes() {
    assertThat(TREE.get("absent")).isNull();
    assertThat(TREE.path("absent").isMissingNode()).isTrue();
    assertThat(TREE.path("absent").path("deeper").path(3).isMissingNode()).isTrue();
    assertThat(TREE.path("s").get("x")).isNull();
    assertThat(TREE.path("a").get(1).path("k").stringValue()).isEqualTo("v");
    assertThat(TREE.path("a").get(2)).isNull();
    assertThat(TREE.path("a").get(-1)).isNull();
  }

  @Test
  void readsAStringFieldByOneOfThreeNamedRules() {
    JsonNode body =
        Codecs.jsonTree(
            "{\"s\":\" text \",\"blank\":\"  \",\"empty\":\"\",\"n\":7,\"z\":null}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(body.stringField("s")).isEqualTo(" text ");
    assertThat(body.stringField("blank")).isEqualTo("  ");
    assertThat(body.stringField("empty")).isEmpty();
    assertThat(List.of("n", "z", "absent"))
        .allSatisfy(k -> assertThat(body.stringField(k)).as(k).isNull());
    assertThat(body.path("s").stringField("x")).as("not an object").isNull();

    assertThat(body.nonBlankStringField("s")).isEqualTo(" text ");
    assertThat(List.of("blank", "empty", "n", "z", "absent"))
        .allSatisfy(k -> assertThat(body.nonBlankStringField(k)).as(k).isNull());

    assertThat(body.trimmedStringField("s")).isEqualTo("text");
    assertThat(List.of("blank", "empty", "n", "z", "absent"))
        .allSatisfy(k -> assertThat(body.trimmedStringField(k)).as(k).isNull());
  }

  @Test
  void knowsEachKindOfValue() {
    assertThat(TREE.isObject()).isTrue();
    assertThat(TREE.path("a").isArray()).isTrue();
    assertThat(TREE.path("s").isString()).isTrue();
    assertThat(TREE.path("n").isNumber()).isTrue();
    assertThat(TREE.path("t").isBoolean()).isTrue();
    assertThat(TREE.path("z").isNull()).isTrue();
    assertThat(List.of("s", "n", "t", "z"))
        .allSatisfy(k -> assertThat(TREE.path(k).isValueNode()).as(k).isTrue());
    assertThat(List.of("a", "o", "absent"))
        .allSatisfy(k -> assertThat(TREE.path(k).isValueNode()).as(k).isFalse());
    assertThat(TREE.has("z")).isTrue();
    assertThat(TREE.hasNonNull("z")).isFalse();
    assertThat(TREE.hasNonNull("s")).isTrue();
    assertThat(TREE.has("absent")).isFalse();
  }

  @Test
  void scalarsReadAsTheirTextAndNumbersAsWritten() {
    assertThat(TREE.path("n").asString()).isEqualTo("7077919");
    assertThat(TREE.path("f").asString()).isEqualTo("-1.5e3");
    assertThat(TREE.path("t").asString()).isEqualTo("true");
    assertThat(TREE.path("z").asString("d")).isEqualTo("d");
    assertThat(TREE.path("absent").asString()).isEmpty();
    assertThat(TREE.path("o").asString("d")).isEqualTo("d");
    assertThatThrownBy(() -> TREE.path("n").stringValue())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void iteratesElementsOrValuesInBodyOrder() {
    List<String> values = new ArrayList<>();
    TREE.path("o").forEach(v -> values.add(v.stringValue()));
    assertThat(values).containsExactly("2", "1");
    assertThat(TREE.path("o").properties()).extracting(Map.Entry::getKey).containsExactly("b", "a");
    assertThat(TREE.path("a").size()).isEqualTo(2);
    assertThat(TREE.path("s")).isEmpty();
    assertThat(TREE.path("s").properties()).isEmpty();
    assertThat(TREE.path("s").size()).isZero();
  }

  @Test
  void toStringNeverShowsContent() {
    assertThat(TREE.toString()).isEqualTo("JSON object of 7 properties");
    assertThat(TREE.path("a").toString()).isEqualTo("JSON array of 2 elements");
    assertThat(TREE.path("s").toString()).isEqualTo("JSON string").doesNotContain("text");
  }

  @Test
  void isImmutable() {
    assertThatThrownBy(() -> TREE.properties().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> TREE.path("a").iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
