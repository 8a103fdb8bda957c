package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The emulators answer as the pages and ARM do: api-version checked with ARM's own error codes, ARM
 * errors in the common-types shape with {@code details} and {@code additionalInfo}, injected faults
 * with the service's codes, and the classic {@code <Url>} including the subscription segment.
 */
class EmulatorsSpeakThePagesTest {
  private static final String SUB = "11111111-1111-1111-1111-111111111111";
  private final AcrEmulator acr = new AcrEmulator();
  private final ClassicStorageEmulator classic = new ClassicStorageEmulator();
  private final RawHttp http = new RawHttp();

  @AfterEach
  void stop() {
    acr.close();
    classic.close();
    http.close();
  }

  private HttpUrl acrUrl(String query) {
    return HttpUrl.get(acr.baseUrl())
        .resolve(
            "/subscriptions/"
                + SUB
                + "/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/registry1/generateCredentials"
                + query);
  }

  private RawHttp.Answer postAcr(String query) throws IOException {
    return http.send(
        "POST", acrUrl(query), Map.of("Authorization", "Bearer t"), "{}", "application/json");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', MissingApiVersionParameter",
    "?api-version=, MissingApiVersionParameter",
    "?api-version=latest, InvalidApiVersionParameter",
    "?api-version=2001-01-01, NoRegisteredProviderFound"
  })
  void armRefusesAMissingOrUnsupportedApiVersionWithItsOwnCode(String query, String code)
      throws IOException {
    acr.start();
    RawHttp.Answer a = postAcr(query);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body())
        .contains("\"code\":\"" + code + "\"")
        .contains("\"details\":[]")
        .contains("\"additionalInfo\":[]");
  }

  @Test
  void armErrorsCarryDetailsAndAdditionalInfoAndInjectedFaultsTheServiceCode() throws IOException {
    acr.start();
    RawHttp.Answer missing = postAcr("?api-version=2023-01-01-preview");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body())
        .contains("\"code\":\"ResourceNotFound\"")
        .contains("\"details\":[]")
        .contains("\"additionalInfo\":[]");
    acr.faults().fail(1, 503);
    assertThat(postAcr("?api-version=2023-01-01-preview").body())
        .contains("\"code\":\"ServiceUnavailable\"");
  }

  @Test
  void classicUrlIsTheServiceManagementUriWithTheSubscription() throws IOException {
    classic.start();
    classic.addAccount(SUB, "mystore");
    RawHttp.Answer a =
        http.send(
            "GET",
            HttpUrl.get(classic.baseUrl())
                .resolve("/" + SUB + "/services/storageservices/mystore/keys"),
            Map.of("Authorization", "Bearer t", "x-ms-version", "2011-06-01"),
            null,
            null);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body())
        .contains("<Url>" + classic.baseUrl() + SUB + "/services/storageservices/mystore</Url>");
  }
}
