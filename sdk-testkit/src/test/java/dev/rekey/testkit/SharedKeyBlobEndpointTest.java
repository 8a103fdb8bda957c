package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.Secret;
import dev.rekey.testkit.junit.RekeyEmulators;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@RekeyEmulators
class SharedKeyBlobEndpointTest {
  private static final String SUB = RekeyEmulators.SUBSCRIPTION_ID;
  private final RawHttp http = new RawHttp();

  @AfterEach
  void stop() {
    http.close();
  }

  /**
   * Signs a List Containers call as the "Authorize with Shared Key" page spells it out,
   * independently of the emulator: the verb, eleven empty standard headers for a GET, then the
   * x-ms- headers and the resource {@code /account/path} with {@code \ncomp:list}.
   */
  private RawHttp.Answer listContainers(HttpUrl endpoint, String account, Secret key, Instant date)
      throws Exception {
    String xmsDate =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .format(date.atOffset(ZoneOffset.UTC));
    String toSign =
        "GET\n\n\n\n\n\n\n\n\n\n\n\n"
            + "x-ms-date:"
            + xmsDate
            + "\nx-ms-version:2025-01-05\n"
            + "/"
            + account
            + endpoint.encodedPath()
            + "\ncomp:list";
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.reveal()), "HmacSHA256"));
    String signature =
        Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-ms-date", xmsDate);
    headers.put("x-ms-version", "2025-01-05");
    headers.put("Authorization", "SharedKey " + account + ":" + signature);
    return http.send(
        "GET",
        endpoint.newBuilder().addQueryParameter("comp", "list").build(),
        headers,
        null,
        null);
  }

  @Test
  void eitherCurrentArmKeyPassesAndARegeneratedAwayKeyFails(ArmStorageEmulator storage)
      throws Exception {
    StorageKeys keys = storage.addAccount(SUB, "rg", "mystore");
    Secret key1 = keys.key("key1").orElseThrow();
    HttpUrl endpoint = HttpUrl.get(storage.blobEndpoint("mystore"));
    RawHttp.Answer ok = listContainers(endpoint, "mystore", key1, Instant.now());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).contains("<EnumerationResults");
    assertThat(
            listContainers(endpoint, "mystore", keys.key("key2").orElseThrow(), Instant.now())
                .status())
        .isEqualTo(200);

    keys.regenerate("key1", Secret.of(dev.rekey.testkit.internal.RandomSecrets.base64(64)));
    RawHttp.Answer refused = listContainers(endpoint, "mystore", key1, Instant.now());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.headers().get("x-ms-error-code")).isEqualTo("AuthenticationFailed");
    assertThat(refused.body())
        .contains("<Code>AuthenticationFailed</Code>")
        .doesNotContain(key1.reveal());
    assertThat(
            listContainers(endpoint, "mystore", keys.key("key1").orElseThrow(), Instant.now())
                .status())
        .isEqualTo(200);
  }

  @Test
  void eitherCurrentClassicKeyPassesAndAnOldOneFails(ClassicStorageEmulator classic)
      throws Exception {
    StorageKeys keys = classic.addAccount(SUB, "classicstore");
    Secret secondary = keys.key("Secondary").orElseThrow();
    HttpUrl endpoint = HttpUrl.get(classic.blobEndpoint("classicstore"));
    assertThat(
            listContainers(
                    endpoint, "classicstore", keys.key("Primary").orElseThrow(), Instant.now())
                .status())
        .isEqualTo(200);
    assertThat(listContainers(endpoint, "classicstore", secondary, Instant.now()).status())
        .isEqualTo(200);
    keys.regenerate("Secondary", Secret.of(dev.rekey.testkit.internal.RandomSecrets.base64(64)));
    assertThat(listContainers(endpoint, "classicstore", secondary, Instant.now()).status())
        .isEqualTo(403);
  }

  @Test
  void refusesUnsignedStaleOrOtherAccountRequests(ArmStorageEmulator storage) throws Exception {
    Secret key1 = storage.addAccount(SUB, "rg", "mystore").key("key1").orElseThrow();
    storage.addAccount(SUB, "rg", "otherstore");
    HttpUrl endpoint = HttpUrl.get(storage.blobEndpoint("mystore"));
    RawHttp.Answer unsigned =
        http.send(
            "GET",
            endpoint.newBuilder().addQueryParameter("comp", "list").build(),
            Map.of(),
            null,
            null);
    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(unsigned.headers().get("x-ms-error-code")).isEqualTo("NoAuthenticationInformation");
    assertThat(
            listContainers(endpoint, "mystore", key1, Instant.now().minus(Duration.ofMinutes(20)))
                .status())
        .isEqualTo(403);
    assertThat(
            listContainers(
                    HttpUrl.get(storage.blobEndpoint("otherstore")),
                    "otherstore",
                    key1,
                    Instant.now())
                .status())
        .isEqualTo(403);
    assertThat(
            listContainers(
                    HttpUrl.get(storage.blobEndpoint("nostore")), "nostore", key1, Instant.now())
                .status())
        .isEqualTo(404);
  }
}
