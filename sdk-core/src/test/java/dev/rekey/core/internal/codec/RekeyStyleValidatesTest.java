package dev.rekey.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.ValidationException;
import org.junit.jupiter.api.Test;

class RekeyStyleValidatesTest {
  @Test
  void aRequiredAttributeLeftUnsetIsAValidationExceptionNamingTheBuildersField() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () -> SampleRequest.builder().registry("myRegistry").build());
    assertThat(e.field()).isEqualTo("token");
    assertThat(e.rule()).isEqualTo("must not be null");
    assertThat(e).hasMessage("token null must not be null");
  }

  @Test
  void everyUnsetFieldIsNamedTheFirstAsTheField() {
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> SampleRequest.builder().build());
    assertThat(e.field()).isEqualTo("registry");
    assertThat(e).hasMessage("registry null must not be null (token is not set either)");
  }

  @Test
  void aNullGivenToARequiredSetterIsAValidationExceptionNamingTheField() {
    ValidationException e =
        catchThrowableOfType(ValidationException.class, () -> SampleRequest.builder().token(null));
    assertThat(e.field()).isEqualTo("token");
    assertThat(e).hasMessage("token null must not be null");
  }

  @Test
  void aNullGivenToAnOptionalSetterUnsetsIt() {
    SampleRequest r =
        SampleRequest.builder().registry("myRegistry").token("t").label("x").label(null).build();
    assertThat(r.label()).isEmpty();
  }

  @Test
  void theModelsOwnRuleStillNamesItsField() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () -> SampleRequest.builder().registry("abc").token("t").build());
    assertThat(e.field()).isEqualTo("registry");
    assertThat(e.rule()).isEqualTo("must be 5–50 characters (was 3)");
  }
}
