package dev.rekey.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ImmutablesJacksonTest {
  private static final SampleCredentials CREDS =
      new SampleCredentials.Builder()
          .username("myToken")
          .masterKey(Secret.of("master-canary-1"))
          .created(Instant.parse("2026-01-01T00:00:00Z"))
          .expiry(Instant.parse("2030-12-31T15:59:59.0707808Z"))
          .addPassword(new SampleCredentials.SamplePassword.Builder().name("password1").value(Secret.of("pw-canary-1")).build())
          .addPassword(new SampleCredentials.SamplePassword.Builder().name("password2").value(Secret.of("pw-canary-2")).build())
          .build();

  @Test
  void roundTripsThroughTheJsonCodec() {
    byte[] json = Codecs.writeJson(CREDS);
    assertThat(Codecs.readJson(json, SampleCredentials.class)).isEqualTo(CREDS);
  }

  @Test
  void writesTheWireShapeServicesExpect() {
    JsonNode tree = Codecs.jsonTree(Codecs.writeJson(CREDS));
    assertThat(tree.get("username").asString()).isEqualTo("myToken");
    assertThat(tree.get("masterKey").asString()).isEqualTo("master-canary-1");
    assertThat(tree.get("expiry").asString()).isEqualTo("2030-12-31T15:59:59.070780800Z");
    assertThat(tree.get("passwords").get(1).get("value").asString()).isEqualTo("pw-canary-2");
  }

  @Test
  void readsAServiceBodyWithUnknownFieldsAndAbsentOptional() {
    String body =
        "{\"username\":\"u\",\"masterKey\":\"k\",\"created\":\"2026-01-01T00:00:00Z\",\"extra\":{\"x\":1},"
            + "\"passwords\":[{\"name\":\"password1\",\"value\":\"v\",\"creationTime\":\"2026-01-01T00:00:00Z\"}]}";
    SampleCredentials read = Codecs.readJson(body.getBytes(StandardCharsets.UTF_8), SampleCredentials.class);
    assertThat(read.expiry()).isEmpty();
    assertThat(read.passwords()).singleElement().satisfies(p -> assertThat(p.value().reveal()).isEqualTo("v"));
  }

  @Test
  void missingRequiredFieldFailsAsMalformedWithoutEchoingTheBody() {
    byte[] body = "{\"masterKey\":\"leak-canary\",\"created\":\"2026-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Codecs.readJson(body, SampleCredentials.class))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessageNotContaining("leak-canary");
  }

  @Test
  void toStringMasksEverySecret() {
    assertThat(CREDS.toString())
        .contains("myToken", "password1", "****")
        .doesNotContain("master-canary-1", "pw-canary-1", "pw-canary-2");
  }
}
