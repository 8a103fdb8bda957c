package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Emulator#reset()} puts the service state back to what it was after construction, the clock
 * included: a fixed clock one test set does not stamp the next test's answers.
 */
class ResetRestoresTheSystemClockTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000003";
  private static final Clock LONG_AGO =
      Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC);

  private final RawHttp http = new RawHttp();
  private final Instant before = Instant.now().minusSeconds(1);

  @AfterEach
  void stop() {
    http.close();
  }

  private static String field(String body, String regex) {
    Matcher m = Pattern.compile(regex).matcher(body);
    assertThat(m.find()).as("%s in %s", regex, body).isTrue();
    return m.group(1);
  }

  private void assertNow(Instant stamped) {
    assertThat(stamped).isBetween(before, Instant.now().plusSeconds(1));
  }

  @Test
  void acrStampsCreationTimeFromTheSystemClockAfterAReset() throws IOException {
    try (AcrEmulator acr = new AcrEmulator()) {
      acr.start();
      acr.clock(LONG_AGO);
      acr.reset();
      acr.addToken(SUB, "rg", "myRegistry", "myToken");
      String registry =
          "/subscriptions/"
              + SUB
              + "/resourceGroups/rg/providers/Microsoft.ContainerRegistry"
              + "/registries/myRegistry";
      RawHttp.Answer a =
          http.postJson(
              HttpUrl.get(acr.baseUrl())
                  .resolve(registry + "/generateCredentials?api-version=2025-04-01"),
              "{\"tokenId\":\"" + registry + "/tokens/myToken\",\"name\":\"password1\"}");
      assertThat(a.status()).isEqualTo(200);
      assertNow(Instant.parse(field(a.body(), "\"creationTime\":\"([^\"]+)\"")));
    }
  }

  @Test
  void netAppComputesKeyPairExpiryFromTheSystemClockAfterAReset() throws IOException {
    try (NetAppEmulator anf = new NetAppEmulator()) {
      anf.start();
      anf.clock(LONG_AGO);
      anf.reset();
      anf.addBucket(SUB, "rg", "account1", "pool1", "volume1", "bucket1");
      RawHttp.Answer a =
          http.postJson(
              HttpUrl.get(anf.baseUrl())
                  .resolve(
                      "/subscriptions/"
                          + SUB
                          + "/resourceGroups/rg/providers/Microsoft.NetApp"
                          + "/netAppAccounts/account1/capacityPools/pool1/volumes/volume1"
                          + "/buckets/bucket1/generateCredentials?api-version=2026-01-01"),
              "{\"keyPairExpiryDays\":1}");
      assertThat(a.status()).isEqualTo(200);
      assertNow(
          Instant.parse(field(a.body(), "\"keyPairExpiry\":\"([^\"]+)\""))
              .minus(Duration.ofDays(1)));
    }
  }

  @Test
  void armStorageStampsKeyCreationTimeFromTheSystemClockAfterAReset() throws IOException {
    try (ArmStorageEmulator storage = new ArmStorageEmulator()) {
      storage.start();
      storage.clock(LONG_AGO);
      storage.reset();
      storage.addAccount(SUB, "rg", "mystore");
      RawHttp.Answer a =
          http.postJson(
              HttpUrl.get(storage.baseUrl())
                  .resolve(
                      "/subscriptions/"
                          + SUB
                          + "/resourceGroups/rg/providers/Microsoft.Storage"
                          + "/storageAccounts/mystore/listKeys?api-version=2023-05-01"),
              "");
      assertThat(a.status()).isEqualTo(200);
      assertNow(Instant.parse(field(a.body(), "\"creationTime\":\"([^\"]+)\"")));
    }
  }

  @Test
  void keyVaultStampsCreatedFromTheSystemClockAfterAReset() throws IOException {
    try (KeyVaultEmulator vault = new KeyVaultEmulator()) {
      vault.start();
      vault.clock(LONG_AGO);
      vault.reset();
      RawHttp.Answer a =
          http.send(
              "PUT",
              HttpUrl.get(vault.baseUrl()).resolve("/secrets/s1?api-version=7.5"),
              Map.of("Authorization", "Bearer vault-token"),
              "{\"value\":\"v\"}",
              "application/json");
      assertThat(a.status()).isEqualTo(200);
      assertNow(Instant.ofEpochSecond(Long.parseLong(field(a.body(), "\"created\":(\\d+)"))));
    }
  }
}
