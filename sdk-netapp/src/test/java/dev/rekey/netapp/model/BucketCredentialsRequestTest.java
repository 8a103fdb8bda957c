package dev.rekey.netapp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketCredentialsRequestTest {
  private static BucketCredentialsRequest.Builder request() {
    return BucketCredentialsRequest.builder().bucketId(BucketAddressParseTest.ID);
  }

  @Test
  void acceptsOneDayOrMore() {
    assertThat(request().keyPairExpiryDays(1).build().keyPairExpiryDays()).isEqualTo(1);
    assertThat(request().keyPairExpiryDays(Integer.MAX_VALUE).build().keyPairExpiryDays())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void refusesFewerThanOneDay(int days) {
    assertThatThrownBy(() -> request().keyPairExpiryDays(days).build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("keyPairExpiryDays");
              assertThat(e.rule()).isEqualTo("must be at least 1");
            });
  }

  @Test
  void acceptsDurationsAndPeriodsOfWholeDays() {
    assertThat(request().expiresIn(Duration.ofDays(30)).build().keyPairExpiryDays()).isEqualTo(30);
    assertThat(request().expiresIn(Duration.ofHours(48)).build().keyPairExpiryDays()).isEqualTo(2);
    assertThat(request().expiresIn(Period.ofDays(7)).build().keyPairExpiryDays()).isEqualTo(7);
    assertThat(request().expiresIn(Period.ofWeeks(2)).build().keyPairExpiryDays()).isEqualTo(14);
  }

  @Test
  void refusesDurationsThatAreNotWholeDays() {
    for (Duration d :
        new Duration[] {
          Duration.ZERO,
          Duration.ofHours(36),
          Duration.ofHours(23),
          Duration.ofDays(-1),
          Duration.ofDays(1).plusNanos(1),
          Duration.ofSeconds(Long.MAX_VALUE)
        }) {
      assertThatThrownBy(() -> request().expiresIn(d))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("keyPairExpiryDays");
                assertThat(e.rule()).isEqualTo("must be a whole number of days, at least 1");
              });
    }
    assertThatThrownBy(() -> request().expiresIn(Duration.ofDays(Integer.MAX_VALUE + 1L)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be at most 2147483647 days");
  }

  @Test
  void refusesPeriodsOfMonthsYearsOrNoDays() {
    for (Period p :
        new Period[] {Period.ofMonths(1), Period.ofYears(1), Period.ZERO, Period.ofDays(-3)}) {
      assertThatThrownBy(() -> request().expiresIn(p))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.field()).isEqualTo("keyPairExpiryDays");
                assertThat(e.rule()).startsWith("must be given in days");
              });
    }
  }

  @Test
  void toBuilderMakesAChangedCopyAndLeavesTheOriginal() {
    BucketCredentialsRequest threeDays = request().keyPairExpiryDays(3).build();
    BucketCredentialsRequest sevenDays = threeDays.toBuilder().keyPairExpiryDays(7).build();
    assertThat(sevenDays.keyPairExpiryDays()).isEqualTo(7);
    assertThat(sevenDays.address()).isEqualTo(threeDays.address());
    assertThat(threeDays.keyPairExpiryDays()).isEqualTo(3);
  }

  @Test
  void missingFieldsAreValidationErrors() {
    assertThatThrownBy(() -> BucketCredentialsRequest.builder().keyPairExpiryDays(3).build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("address"));
    assertThatThrownBy(() -> request().build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("keyPairExpiryDays"));
  }

  @Test
  void buildsTheAddressInPlace() {
    BucketCredentialsRequest r =
        BucketCredentialsRequest.builder()
            .address(
                a ->
                    a.subscriptionId(BucketAddressRulesTest.SUB)
                        .resourceGroup("myRG")
                        .account("account1")
                        .pool("pool1")
                        .volume("volume1")
                        .bucket("bucket1"))
            .keyPairExpiryDays(3)
            .build();
    assertThat(r.address()).isEqualTo(BucketAddress.parse(BucketAddressParseTest.ID));
  }
}
