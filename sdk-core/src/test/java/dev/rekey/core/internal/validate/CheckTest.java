package dev.rekey.core.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckTest {
  private static final Pattern ALNUM = Pattern.compile("^[a-zA-Z0-9]*$");
  private static final String GUID = "00000000-0000-0000-0000-000000000000";

  static Stream<Arguments> valid() {
    return Stream.of(
        ok("notNull", () -> Check.notNull("x", "v"), "v"),
        ok("matches", () -> Check.matches("registry", "myRegistry1", ALNUM), "myRegistry1"),
        ok("matches empty", () -> Check.matches("registry", "", ALNUM), ""),
        ok("length lower bound", () -> Check.length("rg", "a", 1, 90), "a"),
        ok("length upper bound", () -> Check.length("rg", "a".repeat(90), 1, 90), "a".repeat(90)),
        ok("uuid lower", () -> Check.uuid("sub", GUID), GUID),
        ok(
            "uuid upper",
            () -> Check.uuid("sub", "ABCDEF01-2345-6789-ABCD-EF0123456789"),
            "ABCDEF01-2345-6789-ABCD-EF0123456789"),
        ok("atLeast int", () -> Check.atLeast("days", 1, 1), 1),
        ok("atLeast long", () -> Check.atLeast("days", 5L, 1L), 5L),
        ok("between int", () -> Check.between("n", 90, 1, 90), 90),
        ok("between long", () -> Check.between("n", 1L, 1L, 90L), 1L),
        ok(
            "oneOf",
            () -> Check.oneOf("name", "password2", List.of("password1", "password2")),
            "password2"),
        ok(
            "headerText",
            () -> Check.headerText("userAgentSuffix", "my-app/1.0 (ops)", "User-Agent"),
            "my-app/1.0 (ops)"),
        ok(
            "secretLength",
            () -> Check.secretLength("password", Secret.of("12345678"), 8, 128),
            Secret.of("12345678")));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        bad(() -> Check.notNull("token", null), "token null must not be null"),
        bad(
            () -> Check.matches("registry", "my-reg!", ALNUM),
            "registry \"my-reg!\" must match ^[a-zA-Z0-9]*$"),
        bad(() -> Check.matches("registry", null, ALNUM), "registry null must not be null"),
        bad(
            () ->
                Check.matches(
                    "token", "1abc", Pattern.compile("[a-z].*"), "must start with a letter"),
            "token \"1abc\" must start with a letter"),
        bad(
            () -> Check.length("resourceGroup", "r".repeat(93), 1, 90),
            "resourceGroup \"" + "r".repeat(64) + "…\" must be 1–90 characters (was 93)"),
        bad(
            () -> Check.length("resourceGroup", "", 1, 90),
            "resourceGroup \"\" must be 1–90 characters (was 0)"),
        bad(() -> Check.length("code", "abc", 4, 4), "code \"abc\" must be 4 characters (was 3)"),
        bad(
            () -> Check.uuid("subscriptionId", "not-a-guid"),
            "subscriptionId \"not-a-guid\" must be a UUID"),
        bad(
            () -> Check.uuid("subscriptionId", "1-1-1-1-1"),
            "subscriptionId \"1-1-1-1-1\" must be a UUID"),
        bad(
            () -> Check.uuid("subscriptionId", "{" + GUID + "}"),
            "subscriptionId \"{" + GUID + "}\" must be a UUID"),
        bad(
            () -> Check.atLeast("keyPairExpiryDays", 0, 1),
            "keyPairExpiryDays \"0\" must be at least 1"),
        bad(() -> Check.atLeast("big", -1L, 0L), "big \"-1\" must be at least 0"),
        bad(() -> Check.between("n", 91, 1, 90), "n \"91\" must be between 1 and 90"),
        bad(() -> Check.between("n", 0L, 1L, 90L), "n \"0\" must be between 1 and 90"),
        bad(
            () -> Check.oneOf("name", "password3", List.of("password1", "password2")),
            "name \"password3\" must be one of [password1, password2]"),
        bad(
            () -> Check.oneOf("keyType", "primary", List.of("Primary", "Secondary")),
            "keyType \"primary\" must be one of [Primary, Secondary]"),
        bad(
            () -> Check.secretLength("password", Secret.of("hunter2"), 8, 128),
            "password **** must be 8–128 characters (was 7)"),
        bad(() -> Check.secretLength("password", null, 8, 128), "password null must not be null"),
        bad(
            () -> Check.headerText("userAgentSuffix", "app\r\nX-Forged: 1", "User-Agent"),
            "userAgentSuffix \"app\\r\\nX-Forged: 1\" must be printable ASCII without white space at"
                + " either end: it is sent in the User-Agent header"),
        bad(
            () -> Check.headerText("targetSvmName", "vs\u00e4", "X-Dot-SVM-Name"),
            "targetSvmName \"vs\u00e4\" must be printable ASCII without white space at either"
                + " end: it is sent in the X-Dot-SVM-Name header"),
        bad(
            () -> Check.headerText("userAgentSuffix", " app", "User-Agent"),
            "userAgentSuffix \" app\" must be printable ASCII without white space at either end:"
                + " it is sent in the User-Agent header"),
        bad(
            () -> Check.matches("name", "a\"b\\c\nd\te\u0000f\u202eg", ALNUM),
            "name \"a\\\"b\\\\c\\nd\\te\\u0000f\\u202eg\" must match ^[a-zA-Z0-9]*$"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void returnsValidValuesUnchanged(String name, Supplier<Object> check, Object expected) {
    assertThat(check.get()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void refusesInvalidValuesWithExactMessages(Supplier<Object> check, String message) {
    assertThatThrownBy(check::get).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void exceptionNamesFieldAndRule() {
    assertThatThrownBy(() -> Check.matches("registry", "my-reg!", ALNUM))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("registry");
              assertThat(e.rule()).isEqualTo("must match ^[a-zA-Z0-9]*$");
            });
  }

  @Test
  void secretNeverAppearsInTheMessage() {
    assertThatThrownBy(() -> Check.secretLength("password", Secret.of("canary-pw-9"), 1, 5))
        .message()
        .doesNotContain("canary");
  }

  @Test
  void quoteNeverSplitsASurrogatePair() {
    String value = "a".repeat(63) + "\uD83D\uDD11" + "tail";
    assertThat(Check.quote(value)).isEqualTo("\"" + "a".repeat(63) + "…\"");
    assertThat(Check.quote(null)).isEqualTo("null");
  }

  private static Arguments ok(String name, Supplier<Object> check, Object expected) {
    return Arguments.of(name, check, expected);
  }

  private static Arguments bad(Supplier<Object> check, String message) {
    return Arguments.of(check, message);
  }
}
