package dev.rekey.core.test;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Names for property tests of validators: strings of a valid alphabet, the same with near-miss
 * characters mixed in (hyphen, underscore, dot, spaces, slash, percent, NUL, non-ASCII letters and
 * digits, upper case), all at lengths around the rule's bounds.
 */
public final class HostileNames {
  /** Characters one slip away from most naming alphabets. */
  public static final String NEAR_MISS = "-_.() /%\\\t\n\u0000\u00a0\u2003éÅİıßẞ٣𝟙Zz09:@'\"<>&";

  private HostileNames() {}

  /**
   * Returns names drawn from {@code alphabet}, often with near-miss characters, 0 to {@code
   * maxLength + 2} long.
   */
  public static Arbitrary<String> around(String alphabet, int maxLength) {
    Arbitrary<String> valid =
        Arbitraries.strings().withChars(alphabet).ofMinLength(0).ofMaxLength(maxLength + 2);
    Arbitrary<String> nearMiss =
        Arbitraries.strings()
            .withChars(alphabet + NEAR_MISS)
            .ofMinLength(0)
            .ofMaxLength(maxLength + 2);
    Arbitrary<String> oneSlip =
        valid.flatMap(
            v ->
                Arbitraries.of(NEAR_MISS.codePoints().boxed().toList())
                    .flatMap(
                        c ->
                            Arbitraries.integers()
                                .between(0, v.length())
                                .map(
                                    i ->
                                        v.substring(0, i)
                                            + Character.toString(c)
                                            + v.substring(i))));
    return Arbitraries.frequencyOf(Tuple.of(5, valid), Tuple.of(3, oneSlip), Tuple.of(2, nearMiss))
        .edgeCases(e -> e.add(""));
  }

  /**
   * Returns the reference rule: the whole name matches {@code regex} and has {@code min}–{@code
   * max} chars.
   */
  public static Predicate<String> reference(String regex, int min, int max) {
    Pattern pattern = Pattern.compile(regex);
    return s -> s.length() >= min && s.length() <= max && pattern.matcher(s).matches();
  }

  /** Returns whether {@code build} runs without a {@link dev.rekey.core.ValidationException}. */
  public static boolean accepts(Runnable build) {
    try {
      build.run();
      return true;
    } catch (dev.rekey.core.ValidationException e) {
      return false;
    }
  }
}
