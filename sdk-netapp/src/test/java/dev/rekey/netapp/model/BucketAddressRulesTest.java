package dev.rekey.netapp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every naming rule of the reference page, with names it accepts and names it refuses. */
class BucketAddressRulesTest {
  static final String SUB = "00000000-0000-0000-0000-000000000000";
  static final String ACCOUNT_RULE =
      "must be 1–128 letters, digits, '-' or '_' and start with a letter or digit"
          + " (pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,127}$)";
  static final String POOL_RULE =
      "must be 1–64 letters, digits, '-' or '_' and start with a letter or digit"
          + " (pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,63}$)";
  static final String VOLUME_RULE =
      "must be 1–64 letters, digits, '-' or '_' and start with a letter"
          + " (pattern ^[a-zA-Z][a-zA-Z0-9\\-_]{0,63}$)";
  static final String BUCKET_RULE =
      "must be 3–63 lowercase letters, digits, '.' or '-', start and end with a letter or digit,"
          + " have no '..', '.-' or '-.', and not start with an IP address (four dot-separated"
          + " numbers of 1–3 digits, e.g. 192.168.5.4)"
          + " (pattern ^([a-z]|(\\d(?!\\d{0,2}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})))"
          + "([a-z\\d]|(\\.(?!(\\.|-)))|(-(?!\\.))){1,61}[a-z\\d]$)";

  static BucketAddress.Builder valid() {
    return BucketAddress.builder()
        .subscriptionId(SUB)
        .resourceGroup("myRG")
        .account("account1")
        .pool("pool1")
        .volume("volume1")
        .bucket("bucket1");
  }

  static Stream<Arguments> validNames() {
    return Stream.of(
        Arguments.of(
            "subscriptionId", set(b -> b.subscriptionId("A1B2C3D4-0000-4000-8000-00000000abcd"))),
        Arguments.of("resourceGroupName", set(b -> b.resourceGroup("my.rg-(1)_x"))),
        Arguments.of("resourceGroupName 90", set(b -> b.resourceGroup("r".repeat(90)))),
        Arguments.of("accountName single", set(b -> b.account("a"))),
        Arguments.of("accountName digits first", set(b -> b.account("1Account_-x"))),
        Arguments.of("accountName 128", set(b -> b.account("a".repeat(128)))),
        Arguments.of("poolName single", set(b -> b.pool("p"))),
        Arguments.of("poolName digits first", set(b -> b.pool("9Pool_-x"))),
        Arguments.of("poolName 64", set(b -> b.pool("p".repeat(64)))),
        Arguments.of("volumeName single", set(b -> b.volume("v"))),
        Arguments.of("volumeName mixed", set(b -> b.volume("Vol_1-a"))),
        Arguments.of("volumeName 64", set(b -> b.volume("v".repeat(64)))),
        Arguments.of("bucketName 3", set(b -> b.bucket("abc"))),
        Arguments.of("bucketName 63", set(b -> b.bucket("b".repeat(63)))),
        Arguments.of("bucketName dots", set(b -> b.bucket("my.bucket.name"))),
        Arguments.of("bucketName dashes", set(b -> b.bucket("my--bucket-1"))),
        Arguments.of("bucketName digits first", set(b -> b.bucket("1bucket"))),
        Arguments.of("bucketName all digits", set(b -> b.bucket("123456"))),
        Arguments.of("bucketName three numbers", set(b -> b.bucket("12.34.56"))),
        Arguments.of("bucketName long first number", set(b -> b.bucket("1234.5.6.7"))),
        Arguments.of("bucketName letter first ip tail", set(b -> b.bucket("a192.168.5.4"))));
  }

  static Stream<Arguments> invalidNames() {
    return Stream.of(
        bad(b -> b.subscriptionId("not-a-uuid"), "subscriptionId", "must be a UUID"),
        bad(
            b -> b.subscriptionId("00000000000000000000000000000000"),
            "subscriptionId",
            "must be a UUID"),
        bad(b -> b.subscriptionId(""), "subscriptionId", "must be a UUID"),
        bad(b -> b.resourceGroup(""), "resourceGroup", "must be 1–90 characters (was 0)"),
        bad(
            b -> b.resourceGroup("r".repeat(91)),
            "resourceGroup",
            "must be 1–90 characters (was 91)"),
        bad(b -> b.resourceGroup("rg."), "resourceGroup", "must not end with a period"),
        bad(
            b -> b.resourceGroup("rg!"),
            "resourceGroup",
            "must contain only letters, digits, '_', '-', '.', '(' and ')'"),
        bad(b -> b.account(""), "account", ACCOUNT_RULE),
        bad(b -> b.account("-account"), "account", ACCOUNT_RULE),
        bad(b -> b.account("_account"), "account", ACCOUNT_RULE),
        bad(b -> b.account("acc.1"), "account", ACCOUNT_RULE),
        bad(b -> b.account("acc!"), "account", ACCOUNT_RULE),
        bad(b -> b.account("a".repeat(129)), "account", ACCOUNT_RULE),
        bad(b -> b.pool(""), "pool", "must be 1–64 characters (was 0)"),
        bad(b -> b.pool("p".repeat(65)), "pool", "must be 1–64 characters (was 65)"),
        bad(b -> b.pool("_pool"), "pool", POOL_RULE),
        bad(b -> b.pool("-pool"), "pool", POOL_RULE),
        bad(b -> b.pool("pool.1"), "pool", POOL_RULE),
        bad(b -> b.volume(""), "volume", "must be 1–64 characters (was 0)"),
        bad(b -> b.volume("v".repeat(65)), "volume", "must be 1–64 characters (was 65)"),
        bad(b -> b.volume("1volume"), "volume", VOLUME_RULE),
        bad(b -> b.volume("_volume"), "volume", VOLUME_RULE),
        bad(b -> b.volume("vol.1"), "volume", VOLUME_RULE),
        bad(b -> b.bucket("ab"), "bucket", "must be 3–63 characters (was 2)"),
        bad(b -> b.bucket("b".repeat(64)), "bucket", "must be 3–63 characters (was 64)"),
        bad(b -> b.bucket("192.168.5.4"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("1.2.3.4"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("10.0.0.1x"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("my..bucket"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("my.-bucket"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("my-.bucket"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket(".bucket"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("-bucket"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("bucket."), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("bucket-"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("Bucket1"), "bucket", BUCKET_RULE),
        bad(b -> b.bucket("my_bucket"), "bucket", BUCKET_RULE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validNames")
  void acceptsNamesTheReferenceAllows(String label, UnaryOperator<BucketAddress.Builder> change) {
    BucketAddress address = change.apply(valid()).build();
    assertThat(BucketAddress.parse(address.toResourceId())).isEqualTo(address);
  }

  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("invalidNames")
  void refusesNamesTheReferenceForbidsNamingFieldAndRule(
      UnaryOperator<BucketAddress.Builder> change, String field, String rule) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.rule()).isEqualTo(rule);
              assertThat(e.getMessage()).startsWith(field + " \"").endsWith(" " + rule);
            });
  }

  static Stream<Arguments> wholeMessages() {
    return Stream.of(
        Arguments.of(
            set(b -> b.account("-acct")),
            "account \"-acct\" must be 1–128 letters, digits, '-' or '_' and start with a letter"
                + " or digit (pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,127}$)"),
        Arguments.of(
            set(b -> b.pool("pool.1")),
            "pool \"pool.1\" must be 1–64 letters, digits, '-' or '_' and start with a letter or"
                + " digit (pattern ^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,63}$)"),
        Arguments.of(
            set(b -> b.volume("1volume")),
            "volume \"1volume\" must be 1–64 letters, digits, '-' or '_' and start with a letter"
                + " (pattern ^[a-zA-Z][a-zA-Z0-9\\-_]{0,63}$)"),
        Arguments.of(
            set(b -> b.bucket("My_Bucket")),
            "bucket \"My_Bucket\" must be 3–63 lowercase letters, digits, '.' or '-', start and"
                + " end with a letter or digit, have no '..', '.-' or '-.', and not start with an"
                + " IP address (four dot-separated numbers of 1–3 digits, e.g. 192.168.5.4)"
                + " (pattern ^([a-z]|(\\d(?!\\d{0,2}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})))"
                + "([a-z\\d]|(\\.(?!(\\.|-)))|(-(?!\\.))){1,61}[a-z\\d]$)"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wholeMessages")
  void aRefusedNameSaysTheRuleInWordsThenThePattern(
      UnaryOperator<BucketAddress.Builder> change, String message) {
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }

  private static UnaryOperator<BucketAddress.Builder> set(
      UnaryOperator<BucketAddress.Builder> change) {
    return change;
  }

  private static Arguments bad(
      UnaryOperator<BucketAddress.Builder> change, String field, String rule) {
    return Arguments.of(change, field, rule);
  }
}
