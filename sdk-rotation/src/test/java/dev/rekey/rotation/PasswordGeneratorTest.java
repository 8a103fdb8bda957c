package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Generated passwords meet ONTAP's composition rules (7077918–7077941) and never contain the user.
 */
class PasswordGeneratorTest {
  @Test
  void everyPasswordHasTheLengthAndClassesAndNeverTheUserName() {
    PasswordGenerator generator = PasswordGenerator.of(8, false, 1);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String p = generator.generate("a2").reveal();
      assertThat(p).hasSize(8);
      assertThat(p.toLowerCase(Locale.ROOT)).doesNotContain("a2");
      assertThat(p.chars().anyMatch(Character::isLetter)).isTrue();
      assertThat(p.chars().anyMatch(Character::isDigit)).isTrue();
      assertThat(p.chars().filter(c -> !Character.isLetterOrDigit(c)).count())
          .isGreaterThanOrEqualTo(1);
      seen.add(p);
    }
    assertThat(seen).hasSizeGreaterThan(1990);
  }

  @Test
  void theDefaultsHaveBothCasesDigitsAndTwoSymbolsIn32Characters() {
    String p = PasswordGenerator.defaults().generate("svc-backup").reveal();
    assertThat(p).hasSize(32);
    assertThat(p.chars().anyMatch(Character::isUpperCase)).isTrue();
    assertThat(p.chars().anyMatch(Character::isLowerCase)).isTrue();
    assertThat(p.chars().filter(c -> !Character.isLetterOrDigit(c)).count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void refusesLengthsAndCompositionsOntapRejects() {
    assertThatThrownBy(() -> PasswordGenerator.of(7, true, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("length \"7\" must be 8-128 characters");
    assertThatThrownBy(() -> PasswordGenerator.of(129, true, 0))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> PasswordGenerator.of(8, true, 6))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("minSpecial \"6\"");
  }
}
