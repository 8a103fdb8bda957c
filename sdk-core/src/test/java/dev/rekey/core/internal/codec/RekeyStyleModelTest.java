package dev.rekey.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.Secret;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RekeyStyleModelTest {
  private static final SampleCredentials CREDS =
      new SampleCredentials.Builder()
          .username("myToken")
          .masterKey(Secret.of("master-canary-1"))
          .created(Instant.parse("2026-01-01T00:00:00Z"))
          .addPassword(
              new SampleCredentials.SamplePassword.Builder()
                  .name("password1")
                  .value(Secret.of("pw-canary-1"))
                  .build())
          .addPassword(
              new SampleCredentials.SamplePassword.Builder()
                  .name("password2")
                  .value(Secret.of("pw-canary-2"))
                  .build())
          .build();

  @Test
  void toStringMasksEverySecret() {
    assertThat(CREDS.toString())
        .contains("myToken", "password1", "****")
        .doesNotContain("master-canary-1", "pw-canary-1", "pw-canary-2");
  }

  @Test
  void generatedModelsCarryNoJacksonAnnotation() {
    for (Class<?> type :
        new Class<?>[] {ImmutableSampleCredentials.class, ImmutableSamplePassword.class}) {
      assertThat(
              Arrays.stream(type.getDeclaredMethods())
                  .flatMap(m -> Arrays.stream(m.getAnnotations())))
          .as(type.getSimpleName())
          .noneMatch(a -> a.annotationType().getName().contains("jackson"));
      assertThat(type.getAnnotations())
          .noneMatch(a -> a.annotationType().getName().contains("jackson"));
    }
  }
}
