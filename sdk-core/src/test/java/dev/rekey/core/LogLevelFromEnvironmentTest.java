package dev.rekey.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@ResourceLock(Resources.SYSTEM_PROPERTIES)
class LogLevelFromEnvironmentTest {
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(ClientOptions.LOG_LEVEL_PROPERTY);
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
  void systemPropertySetsTheLevelInAnyCase() {
    System.setProperty(ClientOptions.LOG_LEVEL_PROPERTY, " headers ");
    assertThat(ClientOptions.defaults().logLevel()).isEqualTo(HttpLogLevel.HEADERS);
  }

  @Test
  void levelSetOnTheBuilderWinsOverTheProperty() {
    System.setProperty(ClientOptions.LOG_LEVEL_PROPERTY, "BODY");
    assertThat(ClientOptions.builder().logLevel(HttpLogLevel.BASIC).build().logLevel())
        .isEqualTo(HttpLogLevel.BASIC);
  }

  @Test
  void nothingIsLoggedWhenNeitherPropertyNorEnvironmentSaysSo() {
    System.clearProperty(ClientOptions.LOG_LEVEL_PROPERTY);
    HttpLogLevel expected =
        System.getenv(ClientOptions.LOG_LEVEL_ENV) == null
            ? HttpLogLevel.NONE
            : HttpLogLevel.valueOf(
                System.getenv(ClientOptions.LOG_LEVEL_ENV)
                    .strip()
                    .toUpperCase(java.util.Locale.ROOT));
    assertThat(ClientOptions.defaults().logLevel()).isEqualTo(expected);
  }

  @Test
  void unknownLevelIsRejectedByBuild() {
    System.setProperty(ClientOptions.LOG_LEVEL_PROPERTY, "loud");
    assertThatThrownBy(ClientOptions::defaults)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("rekey.http.log.level")
        .hasMessageContaining("NONE, BASIC, HEADERS, BODY");
  }
}
