package dev.rekey.core.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatchedValuesTest {
  private static final Pattern LOWER = Pattern.compile("[a-z]+");
  private static final Pattern ANY = Pattern.compile(".*");

  @Test
  void aValueIsRememberedOnlyForThePatternItMatched() {
    Check.matches("account", "rememberedname", LOWER);

    assertThat(MatchedValues.contains(LOWER, "rememberedname")).isTrue();
    assertThat(MatchedValues.contains(Pattern.compile("[a-z]+"), "rememberedname")).isFalse();
  }

  @Test
  void aValueThatFailedIsNeverRememberedAndFailsEveryTime() {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> Check.matches("account", "Not-Lower", LOWER))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("must match [a-z]+");
    }
    assertThat(MatchedValues.contains(LOWER, "Not-Lower")).isFalse();
  }

  @Test
  void anotherValueInTheSameSlotIsNotTakenForTheRememberedOne() {
    Pattern startsWithA = Pattern.compile("A.*");
    // "Aa" and "BB" have the same String hash code, so they share a slot.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Check.matches("account", "Aa", startsWithA);

    assertThat(MatchedValues.contains(startsWithA, "BB")).isFalse();
    assertThatThrownBy(() -> Check.matches("account", "BB", startsWithA))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void theTableNeverGrowsPastItsSlots() {
    for (int i = 0; i < MatchedValues.SLOTS * 4; i++) {
      MatchedValues.add(ANY, "name" + i);
    }
    int remembered = 0;
    for (int i = 0; i < MatchedValues.SLOTS * 4; i++) {
      remembered += MatchedValues.contains(ANY, "name" + i) ? 1 : 0;
    }
    assertThat(remembered).isPositive().isLessThanOrEqualTo(MatchedValues.SLOTS);
  }
}
