package dev.rekey.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.test.HostileNames;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Resource group names against the reference: 1–90 characters (the NetApp page), "case
 * insensitive"; ARM's own pattern {@code ^[-\w._()]+$} with Unicode word characters, not ending in
 * a period.
 */
class ArmNamesPropertiesTest {
  private static final Pattern ARM_PATTERN =
      Pattern.compile("^[-\\w._()]+$", Pattern.UNICODE_CHARACTER_CLASS);

  static boolean reference(String s) {
    return s.length() >= 1
        && s.length() <= 90
        && ARM_PATTERN.matcher(s).matches()
        && !s.endsWith(".");
  }

  @Property(tries = 400)
  void resourceGroupCheckAgreesWithTheReference(@ForAll("groups") String name) {
    assertThat(HostileNames.accepts(() -> ArmNames.resourceGroup(name)))
        .as("resourceGroupName %s", name)
        .isEqualTo(reference(name));
  }

  @Provide
  Arbitrary<String> groups() {
    return HostileNames.around("abcXYZ019_-.()", 90);
  }
}
