package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetAppEmulatorTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000002";

  private final NetAppEmulator anf = new NetAppEmulator();
  private final RawHttp http = new RawHttp();

  @BeforeEach
  void start() {
    anf.start();
    anf.clock(Clock.fixed(Instant.parse("2026-06-01T10:00:00.123Z"), ZoneOffset.UTC));
    anf.addBucket(SUB, "myRG", "account1", "pool1", "volume1", "bucket1");
  }

  @AfterEach
  void stop() {
    anf.close();
    http.close();
  }

  private HttpUrl url(String account, String pool, String volume, String bucket) {
    return HttpUrl.get(anf.baseUrl())
        .resolve(
            "/subscriptions/"
                + SUB
                + "/resourceGroups/myRG/providers/Microsoft.NetApp/netAppAccounts/"
                + account
                + "/capacityPools/"
                + pool
                + "/volumes/"
                + volume
                + "/buckets/"
                + bucket
                + "/generateCredentials?api-version=2026-01-01");
  }

  @Test
  void generatesAFreshKeyPairExpiringDaysFromTheEmulatorClock() throws IOException {
    RawHttp.Answer a =
        http.postJson(url("account1", "pool1", "volume1", "bucket1"), "{\"keyPairExpiryDays\":3}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).contains("\"keyPairExpiry\":\"2026-06-04T10:00:00Z\"");
    NetAppBucket bucket =
        anf.bucket(SUB, "myRG", "account1", "pool1", "volume1", "bucket1").orElseThrow();
    String secret = bucket.secretKey().orElseThrow().reveal();
    assertThat(a.body()).contains(secret).contains(bucket.accessKey().orElseThrow().reveal());
    RawHttp.Answer b =
        http.postJson(url("account1", "pool1", "volume1", "bucket1"), "{\"keyPairExpiryDays\":1}");
    assertThat(b.body()).doesNotContain(secret);
    assertThat(bucket.generations()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-07-01-preview",
        "2025-08-01-preview",
        "2025-09-01-preview",
        "2025-12-15-preview",
        "2026-01-01"
      })
  void answersEveryApiVersionWhoseSpecHasBuckets(String apiVersion) throws IOException {
    RawHttp.Answer a = http.postJson(withApiVersion(apiVersion), "{\"keyPairExpiryDays\":3}");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).contains("\"keyPairExpiry\":\"2026-06-04T10:00:00Z\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-06-01", "2025-08-01", "2025-09-01", "2025-12-01"})
  void refusesTheGaVersionsThatRemovedBucketsAsArmDoes(String apiVersion) throws IOException {
    RawHttp.Answer a = http.postJson(withApiVersion(apiVersion), "{\"keyPairExpiryDays\":3}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("\"code\":\"NoRegisteredProviderFound\"");
    assertThat(
            anf.bucket(SUB, "myRG", "account1", "pool1", "volume1", "bucket1")
                .orElseThrow()
                .generations())
        .isZero();
  }

  private HttpUrl withApiVersion(String apiVersion) {
    return url("account1", "pool1", "volume1", "bucket1")
        .newBuilder()
        .setQueryParameter("api-version", apiVersion)
        .build();
  }

  @ParameterizedTest
  @CsvSource({"{}", "{\"keyPairExpiryDays\":null}"})
  void generatesAPairWithoutExpiryWhenTheRequestNamesNoDays(String body) throws IOException {
    RawHttp.Answer a = http.postJson(url("account1", "pool1", "volume1", "bucket1"), body);
    assertThat(a.status()).isEqualTo(200);
    NetAppBucket bucket =
        anf.bucket(SUB, "myRG", "account1", "pool1", "volume1", "bucket1").orElseThrow();
    assertThat(a.body())
        .contains(bucket.secretKey().orElseThrow().reveal())
        .doesNotContain("keyPairExpiry");
    assertThat(bucket.keyPairExpiry()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "{\"keyPairExpiryDays\":0}",
    "{\"keyPairExpiryDays\":1.5}",
    "{\"keyPairExpiryDays\":\"3\"}"
  })
  void refusesNonPositiveOrNonIntegerExpiryDays(String body) throws IOException {
    RawHttp.Answer a = http.postJson(url("account1", "pool1", "volume1", "bucket1"), body);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("\"target\":\"keyPairExpiryDays\"");
  }

  @ParameterizedTest
  @CsvSource({
    "-account, pool1, volume1, bucket1, accountName",
    "account1, _pool, volume1, bucket1, poolName",
    "account1, pool1, 1volume, bucket1, volumeName",
    "account1, pool1, volume1, 192.168.5.4, bucketName",
    "account1, pool1, volume1, my..bucket, bucketName",
    "account1, pool1, volume1, ab, bucketName",
  })
  void refusesNamesTheReferenceForbids(
      String account, String pool, String volume, String bucket, String field) throws IOException {
    RawHttp.Answer a =
        http.postJson(url(account, pool, volume, bucket), "{\"keyPairExpiryDays\":3}");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("\"target\":\"" + field + "\"");
  }

  @Test
  void refusesToHoldABucketInAResourceGroupArmCannotName() {
    assertThatThrownBy(
            () -> anf.addBucket(SUB, "r".repeat(91), "account1", "pool1", "volume1", "bucket1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 90");
    assertThat(anf.addBucket(SUB, "r".repeat(90), "account1", "pool1", "volume1", "b90"))
        .isNotNull();
  }

  @Test
  void unknownBucketIsNotFound() throws IOException {
    RawHttp.Answer a =
        http.postJson(url("account1", "pool1", "volume1", "other"), "{\"keyPairExpiryDays\":3}");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body()).contains("ResourceNotFound");
  }
}
