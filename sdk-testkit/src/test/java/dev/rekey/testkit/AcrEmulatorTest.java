package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcrEmulatorTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000001";
  private static final String REG_PATH =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/myRegistry";

  private final AcrEmulator acr = new AcrEmulator();
  private final RawHttp http = new RawHttp();

  @BeforeEach
  void start() {
    acr.start();
    acr.clock(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));
    acr.addToken(SUB, "rg1", "myRegistry", "myToken");
  }

  @AfterEach
  void stop() {
    acr.close();
    http.close();
  }

  private HttpUrl url(String registryPath) {
    return HttpUrl.get(acr.baseUrl())
        .resolve(registryPath + "/generateCredentials?api-version=2023-01-01-preview");
  }

  private String body(String token, String extra) {
    return "{\"tokenId\":\"" + REG_PATH + "/tokens/" + token + "\"" + extra + "}";
  }

  @Test
  void generatesBothPasswordsFreshOnEveryCall() throws IOException {
    RawHttp.Answer first =
        http.postJson(url(REG_PATH), body("myToken", ",\"expiry\":\"2030-12-31T15:59:59Z\""));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"username\":\"myToken\"")
        .contains("password1")
        .contains("password2")
        .contains("\"expiry\":\"2030-12-31T15:59:59Z\"")
        .contains("\"creationTime\":\"2026-06-01T00:00:00Z\"");
    String p1 =
        acr.token(SUB, "rg1", "myRegistry", "myToken")
            .orElseThrow()
            .password("password1")
            .orElseThrow()
            .reveal();
    assertThat(first.body()).contains(p1);
    RawHttp.Answer second = http.postJson(url(REG_PATH), body("myToken", ""));
    assertThat(second.body()).doesNotContain(p1);
    assertThat(acr.token(SUB, "rg1", "myRegistry", "myToken").orElseThrow().generations())
        .isEqualTo(2);
  }

  @Test
  void regeneratesOnlyTheNamedPassword() throws IOException {
    RawHttp.Answer a = http.postJson(url(REG_PATH), body("myToken", ",\"name\":\"password2\""));
    assertThat(a.body()).contains("password2").doesNotContain("password1");
    assertThat(acr.token(SUB, "rg1", "myRegistry", "myToken").orElseThrow().password("password1"))
        .isEmpty();
  }

  @Test
  void answersArmErrorsLikeTheService() throws IOException {
    assertThat(
            http.postJson(
                url(REG_PATH.replace("myRegistry", "otherRegistry")), body("myToken", "")))
        .satisfies(a -> assertThat(a.status()).isEqualTo(404))
        .satisfies(a -> assertThat(a.body()).contains("ResourceNotFound"));
    assertThat(http.postJson(url(REG_PATH.replace("myRegistry", "bad-name")), "{}").body())
        .contains("InvalidResourceName");
    assertThat(http.postJson(url(REG_PATH), body("nope", "")).body()).contains("TokenNotFound");
    assertThat(http.postJson(url(REG_PATH), "{\"tokenId\":\"/elsewhere/tokens/myToken\"}").body())
        .contains("InvalidTokenId");
    assertThat(http.postJson(url(REG_PATH), body("myToken", ",\"name\":\"password3\"")).body())
        .contains("InvalidPasswordName");
    assertThat(http.postJson(url(REG_PATH), body("myToken", ",\"expiry\":\"soon\"")).body())
        .contains("InvalidExpiry");
    assertThat(acr.token(SUB, "rg1", "myRegistry", "myToken").orElseThrow().generations()).isZero();
  }

  /**
   * The reference page's sample request asks for an expiry in 2020 and its sample response is 200
   * with passwords of that expiry: a past expiry is accepted, the passwords are expired already.
   */
  @Test
  void acceptsThePagesSampleExpiryInThePastAndTheRegistryRefusesThePasswords() throws IOException {
    RawHttp.Answer a =
        http.postJson(
            url(REG_PATH), body("myToken", ",\"expiry\":\"2020-12-31T15:59:59.0707808Z\""));
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body()).contains("\"expiry\":\"2020-12-31T15:59:59.070780800Z\"");
    AcrToken t = acr.token(SUB, "rg1", "myRegistry", "myToken").orElseThrow();
    assertThat(t.generations()).isEqualTo(1);
    assertThat(t.expiry("password1")).contains(Instant.parse("2020-12-31T15:59:59.0707808Z"));
    HttpUrl login =
        HttpUrl.get(acr.baseUrl())
            .resolve("/oauth2/token?service=myRegistry.azurecr.io&scope=repository:r:pull");
    http.postJson(url(REG_PATH), body("myToken", ",\"name\":\"password2\""));
    assertThat(loginStatus(login, t.password("password2").orElseThrow().reveal())).isEqualTo(200);
    assertThat(loginStatus(login, t.password("password1").orElseThrow().reveal())).isEqualTo(401);
  }

  private int loginStatus(HttpUrl login, String password) throws IOException {
    String basic = okhttp3.Credentials.basic("myToken", password);
    return http.send("GET", login, java.util.Map.of("Authorization", basic), null, null).status();
  }

  @Test
  void plannedOperationAnswers202WithLocation() throws IOException {
    acr.faults().planNextOperation(AsyncPlan.location(1));
    RawHttp.Answer accepted = http.postJson(url(REG_PATH), body("myToken", ""));
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(acr.token(SUB, "rg1", "myRegistry", "myToken").orElseThrow().generations()).isZero();
  }

  @Test
  void theTokenResourceShowsEachPasswordsCreationTimeButNeverItsValue() throws IOException {
    HttpUrl token =
        HttpUrl.get(acr.baseUrl())
            .resolve(REG_PATH + "/tokens/myToken?api-version=2023-01-01-preview");
    RawHttp.Answer fresh =
        http.send("GET", token, java.util.Map.of("Authorization", "Bearer t"), null, null);
    assertThat(fresh.status()).isEqualTo(200);
    assertThat(fresh.body())
        .contains("\"type\":\"Microsoft.ContainerRegistry/registries/tokens\"")
        .contains("\"passwords\":[]")
        .contains("\"name\":\"myToken\"");

    http.postJson(
        url(REG_PATH),
        body("myToken", ",\"name\":\"password2\",\"expiry\":\"2030-12-31T15:59:59Z\""));
    acr.clock(Clock.fixed(Instant.parse("2026-06-02T00:00:00Z"), ZoneOffset.UTC));
    http.postJson(url(REG_PATH), body("myToken", ",\"name\":\"password1\""));

    RawHttp.Answer after =
        http.send("GET", token, java.util.Map.of("Authorization", "Bearer t"), null, null);
    assertThat(after.body())
        .contains("{\"creationTime\":\"2026-06-02T00:00:00Z\",\"name\":\"password1\"}")
        .contains(
            "{\"creationTime\":\"2026-06-01T00:00:00Z\",\"expiry\":\"2030-12-31T15:59:59Z\",\"name\":\"password2\"}");
    AcrToken t = acr.token(SUB, "rg1", "myRegistry", "myToken").orElseThrow();
    assertThat(after.body())
        .doesNotContain(t.password("password1").orElseThrow().reveal())
        .doesNotContain(t.password("password2").orElseThrow().reveal())
        .doesNotContain("\"value\"");
    assertThat(t.creationTime("password1")).contains(Instant.parse("2026-06-02T00:00:00Z"));
  }

  @Test
  void anUnknownTokenResourceIsNotFound() throws IOException {
    HttpUrl token =
        HttpUrl.get(acr.baseUrl())
            .resolve(REG_PATH + "/tokens/otherToken?api-version=2023-01-01-preview");
    RawHttp.Answer a =
        http.send("GET", token, java.util.Map.of("Authorization", "Bearer t"), null, null);
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body()).contains("ResourceNotFound");
  }
}
