package dev.rekey.core.internal.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.test.HostileNames;
import java.util.UUID;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@code Check.uuid} agrees with the reference: "The value must be an UUID" (8-4-4-4-12 hex). */
class UuidCheckPropertiesTest {
  private static final Predicate<String> REFERENCE =
      HostileNames.reference(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", 36, 36);

  @Property(tries = 400)
  void uuidCheckAgreesWithTheReference(@ForAll("uuidLike") String value) {
    boolean accepted = HostileNames.accepts(() -> Check.uuid("subscriptionId", value));
    assertThat(accepted).as("subscriptionId %s", value).isEqualTo(REFERENCE.test(value));
  }

  @Provide
  Arbitrary<String> uuidLike() {
    Arbitrary<String> real = Arbitraries.create(UUID::randomUUID).map(UUID::toString);
    Arbitrary<String> mangled =
        real.flatMap(
            u ->
                Arbitraries.integers()
                    .between(0, 35)
                    .flatMap(
                        i ->
                            Arbitraries.of("g", "G", "-", "", "00", " ", "\u0661", "{", "A")
                                .map(c -> u.substring(0, i) + c + u.substring(i + 1))));
    return Arbitraries.oneOf(
        real,
        real.map(u -> u.toUpperCase(java.util.Locale.ROOT)),
        mangled,
        HostileNames.around("0123456789abcdefABCDEF-", 38));
  }
}
