package dev.rekey.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArmNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"rg", "my-RG_1", "a.b", "(prod)", "grüppe", "x"})
  void acceptsResourceGroupsArmAccepts(String name) {
    assertThat(ArmNames.resourceGroup(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|resourceGroup \"\" must be 1–90 characters (was 0)",
        "ends.|resourceGroup \"ends.\" must not end with a period",
        "has space|resourceGroup \"has space\" must contain only letters, digits, '_', '-', '.', '(' and ')'",
        "slash/no|resourceGroup \"slash/no\" must contain only letters, digits, '_', '-', '.', '(' and ')'",
      })
  void refusesResourceGroupsArmRefuses(String name, String message) {
    assertThatThrownBy(() -> ArmNames.resourceGroup(name))
        .isInstanceOf(ValidationException.class)
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void refusesResourceGroupsOver90Characters() {
    assertThat(ArmNames.resourceGroup("a".repeat(90))).hasSize(90);
    assertThatThrownBy(() -> ArmNames.resourceGroup("a".repeat(91)))
        .hasMessageContaining("must be 1–90 characters (was 91)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-a-uuid",
        "00000000-0000-0000-0000-00000000000",
        "00000000000000000000000000000000"
      })
  void subscriptionIdMustBeAUuid(String id) {
    assertThatThrownBy(() -> ArmNames.subscriptionId(id))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("subscriptionId")
        .hasMessageContaining("must be a UUID");
  }
}
