package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.Secret;
import dev.rekey.testkit.OntapPasswordPolicy;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every password policy refusal of the emulator reaches the caller as a named {@link
 * OntapErrorCode}.
 */
class MapsPasswordPolicyErrorsTest {
  private final OntapFixture fx = new OntapFixture();
  private final OntapClient client = fx.admin();

  @AfterEach
  void tearDown() {
    client.close();
    fx.close();
  }

  static Stream<Arguments> refusals() {
    OntapPasswordPolicy defaults = OntapPasswordPolicy.defaults();
    return Stream.of(
        Arguments.of(defaults, "Xuser1Xabc123", OntapErrorCode.CONTAINS_USERNAME),
        Arguments.of(defaults, "ab1", OntapErrorCode.TOO_SHORT),
        Arguments.of(defaults, "onlyletters", OntapErrorCode.NEEDS_LETTERS_AND_DIGITS),
        Arguments.of(
            new OntapPasswordPolicy(8, 2, true, 6),
            "abcdef123",
            OntapErrorCode.TOO_FEW_SPECIAL_CHARACTERS),
        Arguments.of(defaults, "Older1password", OntapErrorCode.REUSED_RECENT_PASSWORD),
        Arguments.of(defaults, "Current1password", OntapErrorCode.SAME_AS_OLD),
        Arguments.of(
            new OntapPasswordPolicy(120, 10, true, 6),
            "abcdef123",
            OntapErrorCode.COMPOSITION_EXCEEDS_MAXIMUM));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("refusals")
  void mapsEachPolicyRefusal(
      OntapPasswordPolicy policy, String candidate, OntapErrorCode expected) {
    fx.ontap.addClusterUser("user1", "Older1password", false);
    try (OntapClient own = fx.trusting().basic("user1", Secret.of("Older1password")).build()) {
      own.changeOwnPassword(r -> r.password(Secret.of("Current1password")));
    }
    fx.ontap.policy(policy);

    OntapServiceException e =
        catchThrowableOfType(
            OntapServiceException.class,
            () -> client.changePassword(r -> r.name("user1").password(Secret.of(candidate))));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.ontapErrorCode()).contains(expected);
    assertThat(e.errorCode()).contains(expected.code());
    assertThat(e.target()).contains("password");
    assertThat(e.isPasswordPolicyViolation()).isTrue();
    assertThat(e.getMessage()).doesNotContain(candidate);
    assertThat(fx.ontap.clusterUser("user1").orElseThrow().changes()).isEqualTo(1);
  }

  @Test
  void knowsEveryCodeOfTheReference() {
    assertThat(Stream.of(OntapErrorCode.values()).map(OntapErrorCode::code))
        .containsExactlyInAnyOrder(
            "4", "7077918", "7077919", "7077920", "7077921", "7077924", "7077925", "7077940",
            "7077941");
    assertThat(OntapErrorCode.fromCode("7077940")).contains(OntapErrorCode.TOO_LONG);
    assertThat(OntapErrorCode.fromCode("123")).isEmpty();
  }
}
