package dev.rekey.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretTest {
  @Test
  void toStringNeverShowsTheValue() {
    Secret secret = Secret.of("canary-7f3a");
    assertThat(secret.toString()).isEqualTo("****").doesNotContain("canary");
    assertThat(String.valueOf(secret)).doesNotContain("canary");
  }

  @Test
  void revealReturnsTheValue() {
    assertThat(Secret.of("hunter2").reveal()).isEqualTo("hunter2");
  }

  @Test
  void equalsComparesValuesAndHashesAlike() {
    assertThat(Secret.of("a1")).isEqualTo(Secret.of("a1")).hasSameHashCodeAs(Secret.of("a1"));
    assertThat(Secret.of("a1")).isNotEqualTo(Secret.of("a2")).isNotEqualTo("a1");
    assertThat(Secret.of("a1").hashCode()).isNotEqualTo("a1".hashCode());
  }

  @Test
  void hashIsKeyedSoAGuessCannotBeCheckedAgainstIt() throws Exception {
    byte[] unkeyed =
        MessageDigest.getInstance("SHA-256").digest("hunter2".getBytes(StandardCharsets.UTF_8));
    assertThat(Secret.of("hunter2").hashCode()).isNotEqualTo(Arrays.hashCode(unkeyed));
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
  }
}
