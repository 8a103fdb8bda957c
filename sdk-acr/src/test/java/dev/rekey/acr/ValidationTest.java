package dev.rekey.acr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ValidationException;
import dev.rekey.core.test.FakeTime;
import dev.rekey.testkit.AcrEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {
  static final String SUB = "11111111-2222-3333-4444-555555555555";
  static final String OTHER_SUB = "99999999-2222-3333-4444-555555555555";
  static final String ID =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/myRegistry/tokens/myToken";

  private final AcrEmulator emulator = new AcrEmulator();
  private final FakeTime time = new FakeTime(Instant.parse("2026-06-01T00:00:00Z"));
  private AcrClient acr;

  @BeforeEach
  void start() {
    emulator.start();
    emulator.addToken(SUB, "rg1", "myRegistry", "myToken");
    emulator.clock(java.time.Clock.fixed(time.now(), java.time.ZoneOffset.UTC));
    acr =
        AcrClient.builder()
            .credential(new RecordingCredential())
            .subscriptionId(SUB)
            .options(ClientOptions.builder().endpoint(emulator.baseUrl()).timeSource(time).build())
            .build();
  }

  @AfterEach
  void stop() {
    acr.close();
    emulator.close();
  }

  static Consumer<GenerateCredentialsRequest.Builder> valid() {
    return r -> r.resourceGroup("rg1").registry("myRegistry").token("myToken");
  }

  static Arguments rule(
      String field, String message, Consumer<GenerateCredentialsRequest.Builder> change) {
    return Arguments.of(field, message, valid().andThen(change));
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        rule(
            "resourceGroup",
            "resourceGroup \"rg 1\" must contain only letters",
            r -> r.resourceGroup("rg 1")),
        rule(
            "resourceGroup",
            "resourceGroup \"\" must be 1–90 characters (was 0)",
            r -> r.resourceGroup("")),
        rule(
            "resourceGroup",
            "must be 1–90 characters (was 91)",
            r -> r.resourceGroup("r".repeat(91))),
        rule(
            "resourceGroup",
            "resourceGroup \"rg.\" must not end with a period",
            r -> r.resourceGroup("rg.")),
        rule(
            "registry",
            "registry \"my-reg!\" must match ^[a-zA-Z0-9]*$",
            r -> r.registry("my-reg!")),
        rule(
            "registry",
            "registry \"reg1\" must be 5–50 characters (was 4)",
            r -> r.registry("reg1")),
        rule("registry", "must be 5–50 characters (was 51)", r -> r.registry("r".repeat(51))),
        rule("token", "token \"my_token\" must match ^[a-zA-Z0-9-]*$", r -> r.token("my_token")),
        rule("token", "token \"tok\" must be 5–50 characters (was 3)", r -> r.token("tok")),
        rule("tokenId", "must not be set together with a token name", r -> r.tokenId(ID)),
        rule(
            "tokenId",
            "tokenId null must be set, or a token name given",
            r -> r.token(java.util.Optional.empty())),
        rule(
            "tokenId",
            "must be a token resource id",
            r -> r.token(java.util.Optional.empty()).tokenId("myToken")),
        rule(
            "tokenId",
            "must be a token resource id",
            r -> r.token(java.util.Optional.empty()).tokenId(ID + "/extra")),
        rule(
            "tokenId",
            "must be a token of registry myRegistry in resource group rg1",
            r ->
                r.token(java.util.Optional.empty())
                    .tokenId(ID.replace("registries/myRegistry", "registries/otherRegistry"))),
        rule(
            "tokenId",
            "must be a token of registry myRegistry in resource group rg1",
            r ->
                r.token(java.util.Optional.empty())
                    .tokenId(ID.replace("resourceGroups/rg1", "resourceGroups/rg2"))),
        rule(
            "tokenId",
            "must be a token of subscription " + SUB,
            r -> r.token(java.util.Optional.empty()).tokenId(ID.replace(SUB, OTHER_SUB))));
  }

  static Stream<Arguments> missingFields() {
    return Stream.of(
        Arguments.of(
            "resourceGroup",
            (Consumer<GenerateCredentialsRequest.Builder>)
                r -> r.registry("myRegistry").token("myToken")),
        Arguments.of(
            "registry",
            (Consumer<GenerateCredentialsRequest.Builder>)
                r -> r.resourceGroup("rg1").token("myToken")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingFields")
  void aMissingFieldIsAValidationErrorNamingTheBuildersField(
      String field, Consumer<GenerateCredentialsRequest.Builder> request) {
    assertThatThrownBy(() -> acr.generateCredentials(request))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessage(field + " null must not be null");
    assertThatThrownBy(() -> acr.generateCredentialsAsync(request))
        .isExactlyInstanceOf(ValidationException.class);
    assertThat(emulator.requests()).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("brokenRules")
  void brokenRuleFailsBeforeAnyRequestInEveryForm(
      String field, String message, Consumer<GenerateCredentialsRequest.Builder> request) {
    assertThatThrownBy(() -> acr.generateCredentials(request))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(message);
    assertThatThrownBy(() -> acr.generateCredentialsAsync(request))
        .isInstanceOf(ValidationException.class);
    assertThat(emulator.requests()).isEmpty();
  }

  /**
   * The client leaves a past expiry to the service, which (per the reference page's own sample, an
   * expiry in 2020 answered 200) generates passwords that are expired already.
   */
  @Test
  void anExpiryInThePastIsLeftToTheServiceWhichKnowsTheClock() {
    Instant past = time.now().minus(Duration.ofDays(1));
    assertThat(acr.generateCredentials(valid().andThen(r -> r.expiry(past))).passwords())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.expiry()).contains(past));
    assertThat(emulator.requests()).hasSize(1);
  }

  @Test
  void anExpiryPastTheYear9999IsRefusedBeforeAnyIo() {
    // Instant.toString writes "+10000-01-01T00:00:00Z", which is no RFC 3339 date-time
    Instant tooLate = Instant.parse("+10000-01-01T00:00:00Z");
    assertThatThrownBy(() -> acr.generateCredentials(valid().andThen(r -> r.expiry(tooLate))))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("expiry"))
        .hasMessageContaining("years 0000–9999");
    assertThat(emulator.requests()).isEmpty();
  }

  @Test
  void tokenIdSegmentsCompareCaseInsensitively() {
    String shouted =
        ID.replace("myRegistry", "MYREGISTRY")
            .replace("rg1", "RG1")
            .replace("providers", "PROVIDERS");
    GenerateCredentialsRequest request =
        GenerateCredentialsRequest.builder()
            .resourceGroup("rg1")
            .registry("myRegistry")
            .tokenId(shouted)
            .build();
    assertThat(request.tokenId()).contains(shouted);
  }

  @Test
  void clientBuilderRefusesABadSubscriptionMissingCredentialOrApiVersion() {
    assertThatThrownBy(
            () ->
                AcrClient.builder()
                    .credential(new RecordingCredential())
                    .subscriptionId("not-a-uuid")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("subscriptionId \"not-a-uuid\" must be a UUID");
    assertThatThrownBy(() -> AcrClient.builder().subscriptionId(SUB).build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("credential"));
    assertThatThrownBy(
            () ->
                AcrClient.builder()
                    .credential(new RecordingCredential())
                    .subscriptionId(SUB)
                    .apiVersion("latest")
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("apiVersion"));
  }
}
