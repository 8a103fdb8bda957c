package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.Secret;
import dev.rekey.core.test.HostileNames;
import dev.rekey.ontap.model.PasswordChangeRequest;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link PasswordChangeRequest}'s {@code build()} against its rules: a password of 1–128 characters
 * (the page's error 7077941: "maximum password length of 128 characters"; the rest of the policy is
 * the cluster's to enforce), and account/owner names (the page types them only as strings) that are
 * not empty, hold no control character and neither start nor end with white space.
 */
class RequestPropertiesTest {
  private static final Pattern WHITE = Pattern.compile("\\p{IsWhite_Space}");

  static boolean nameReference(String s) {
    return !s.isEmpty()
        && s.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL)
        && !WHITE.matcher(s.substring(0, 1)).matches()
        && !WHITE.matcher(s.substring(s.length() - 1)).matches();
  }

  @Property(tries = 300)
  void passwordLengthAgreesWithTheReference(@ForAll("passwords") String password) {
    boolean accepted =
        HostileNames.accepts(
            () ->
                PasswordChangeRequest.builder()
                    .name("admin")
                    .password(Secret.of(password))
                    .build());
    assertThat(accepted)
        .as("password of %d chars", password.length())
        .isEqualTo(password.length() >= 1 && password.length() <= 128);
  }

  @Property(tries = 300)
  void accountAndOwnerNamesAgreeWithTheRule(@ForAll("names") String name) {
    assertThat(
            HostileNames.accepts(
                () ->
                    PasswordChangeRequest.builder()
                        .name(name)
                        .password(Secret.of("Passw0rd!"))
                        .build()))
        .as("name %s", name)
        .isEqualTo(nameReference(name));
    assertThat(
            HostileNames.accepts(
                () ->
                    PasswordChangeRequest.builder()
                        .name("admin")
                        .ownerName(name)
                        .password(Secret.of("Passw0rd!"))
                        .build()))
        .as("ownerName %s", name)
        .isEqualTo(nameReference(name));
  }

  @Example
  void namesWithALineBreakOrAUnicodeSpaceAtAnEndAreRejected() {
    for (String name :
        new String[] {"svc\nadmin", "svc\u0000", "\u2003admin", "admin\u00a0", "svc\u0085x"}) {
      assertThat(
              HostileNames.accepts(
                  () ->
                      PasswordChangeRequest.builder()
                          .name(name)
                          .password(Secret.of("Passw0rd!"))
                          .build()))
          .as(name)
          .isFalse();
    }
    assertThat(
            HostileNames.accepts(
                () ->
                    PasswordChangeRequest.builder()
                        .name("Jürgen Ölm")
                        .password(Secret.of("Passw0rd!"))
                        .build()))
        .isTrue();
  }

  @Provide
  Arbitrary<String> passwords() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(0).ofMaxLength(130),
        Arbitraries.strings().withChars("aB3!").ofMinLength(126).ofMaxLength(130));
  }

  @Provide
  Arbitrary<String> names() {
    return HostileNames.around("abz_09.-", 20);
  }
}
