package dev.rekey.netapp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BucketCredentialsTest {
  private static final Instant EXPIRY = Instant.parse("2027-08-15T13:23:33Z");
  private static final BucketCredentials CREDS =
      BucketCredentials.builder()
          .accessKey(Secret.of("ACCESS-canary"))
          .secretKey(Secret.of("SECRET-canary"))
          .keyPairExpiry(EXPIRY)
          .build();

  @Test
  void toStringMasksBothKeysAndShowsTheExpiry() {
    assertThat(CREDS.toString())
        .doesNotContain("canary")
        .contains("****")
        .contains("2027-08-15T13:23:33Z");
  }

  @Test
  void saysWhetherThePairExpiresWithinAWindow() {
    Instant now = EXPIRY.minus(Duration.ofDays(10));
    assertThat(CREDS.expiresAt()).isEqualTo(EXPIRY);
    assertThat(CREDS.expiresWithin(Duration.ofDays(9), now)).isFalse();
    assertThat(CREDS.expiresWithin(Duration.ofDays(10), now)).isTrue();
    assertThat(CREDS.expiresWithin(Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC))).isTrue();
    assertThat(CREDS.isExpiredAt(now)).isFalse();
    assertThat(CREDS.isExpiredAt(EXPIRY)).isTrue();
    assertThat(CREDS.remainingValidity(now)).isEqualTo(Duration.ofDays(10));
    assertThat(CREDS.remainingValidity(EXPIRY.plusSeconds(1))).isZero();
  }

  @Test
  void anExpiryIsTheServicesUnlessSaidToBeEstimated() {
    assertThat(CREDS.expiryEstimated()).isFalse();
    assertThat(
            BucketCredentials.builder().from(CREDS).expiryEstimated(true).build().expiryEstimated())
        .isTrue();
    assertThatThrownBy(
            () ->
                BucketCredentials.builder()
                    .accessKey(Secret.of("a"))
                    .secretKey(Secret.of("s"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("keyPairExpiry");
  }

  @Test
  void refusesANegativeWindow() {
    assertThatThrownBy(() -> CREDS.expiresWithin(Duration.ofDays(-1), EXPIRY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
