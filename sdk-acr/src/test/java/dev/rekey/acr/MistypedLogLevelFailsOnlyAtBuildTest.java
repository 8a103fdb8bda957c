package dev.rekey.acr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.HttpLogLevel;
import dev.rekey.core.ValidationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mistyped log level in the environment fails only a client built on the defaults, at {@code
 * build()}, naming the setting: options that set the level themselves still build a client.
 */
class MistypedLogLevelFailsOnlyAtBuildTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000001";
  private @Nullable String before;

  @BeforeEach
  void mistype() {
    before = System.getProperty(ClientOptions.LOG_LEVEL_PROPERTY);
    System.setProperty(ClientOptions.LOG_LEVEL_PROPERTY, "debug");
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(ClientOptions.LOG_LEVEL_PROPERTY);
    } else {
      System.setProperty(ClientOptions.LOG_LEVEL_PROPERTY, before);
    }
  }

  @Test
  void optionsThatSetTheLevelStillBuildAClient() {
    try (AcrClient client =
        AcrClient.builder()
            .credential(new RecordingCredential())
            .subscriptionId(SUB)
            .options(ClientOptions.builder().logLevel(HttpLogLevel.NONE).build())
            .build()) {
      assertThat(client).isNotNull();
    }
  }

  @Test
  void aClientOnTheDefaultsFailsAtBuildNamingTheSetting() {
    AcrClient.Builder builder = AcrClient.builder().credential(new RecordingCredential());
    assertThatThrownBy(() -> builder.subscriptionId(SUB).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(ClientOptions.LOG_LEVEL_PROPERTY)
        .hasMessageContaining("debug");
  }
}
