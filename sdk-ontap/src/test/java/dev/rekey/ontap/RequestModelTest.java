package dev.rekey.ontap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordHashAlgorithm;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The request builder validates every rule before any I/O, and never shows the password. */
class RequestModelTest {
  private static final String UUID = "02c9e252-41be-11e9-81d5-00a0986138f7";

  private static ValidationException invalid(Consumer<PasswordChangeRequest.Builder> change) {
    PasswordChangeRequest.Builder b =
        PasswordChangeRequest.builder().name("user1").password(Secret.of("hello@1234"));
    change.accept(b);
    return catchThrowableOfType(ValidationException.class, b::build);
  }

  @Test
  void refusesAMissingOrBlankName() {
    assertThat(
            catchThrowableOfType(
                RuntimeException.class,
                () -> PasswordChangeRequest.builder().password(Secret.of("x")).build()))
        .hasMessageContaining("name");
    assertThat(invalid(b -> b.name(" ")))
        .hasMessage(
            "name \" \" must not be empty, start or end with white space, or contain control characters");
  }

  @Test
  void refusesAPasswordOutside1To128CharactersWithoutShowingIt() {
    assertThat(invalid(b -> b.password(Secret.of(""))))
        .hasMessage("password **** must be 1–128 characters (was 0)");
    ValidationException tooLong = invalid(b -> b.password(Secret.of("p".repeat(129))));
    assertThat(tooLong.field()).isEqualTo("password");
    assertThat(tooLong.getMessage()).doesNotContain("ppp");
  }

  @Test
  void acceptsAnOwnerGivenByNameAndUuidAsThePageExampleDoes() {
    PasswordChangeRequest r =
        PasswordChangeRequest.builder()
            .name("svm_user1")
            .ownerName("svm1")
            .ownerUuid(UUID)
            .password(Secret.of("p1"))
            .build();
    assertThat(r.ownerName()).contains("svm1");
    assertThat(r.ownerUuid()).contains(UUID);
    assertThat(invalid(b -> b.ownerUuid("not-a-uuid")).field()).isEqualTo("ownerUuid");
  }

  @Test
  void aMissingNameOrPasswordIsAValidationExceptionNamingTheField() {
    ValidationException noName =
        catchThrowableOfType(
            ValidationException.class,
            () -> PasswordChangeRequest.builder().password(Secret.of("p1")).build());
    assertThat(noName.field()).isEqualTo("name");
    assertThat(noName.rule()).isEqualTo("must not be null");
    ValidationException noPassword =
        catchThrowableOfType(
            ValidationException.class, () -> PasswordChangeRequest.builder().name("u").build());
    assertThat(noPassword.field()).isEqualTo("password");
  }

  @Test
  void refusesTargetingAnSvmByNameAndUuid() {
    assertThat(invalid(b -> b.targetSvmName("svm1").targetSvmUuid(UUID)).field())
        .isEqualTo("targetSvm");
    assertThat(invalid(b -> b.targetSvmUuid("nope")).field()).isEqualTo("targetSvmUuid");
  }

  @Test
  void refusesAnSvmNameTheTargetHeaderCannotCarryBeforeAnyIo() {
    ValidationException accented = invalid(b -> b.targetSvmName("svm_ä"));
    assertThat(accented)
        .hasMessage(
            "targetSvmName \"svm_ä\" must be printable ASCII without white space at either end:"
                + " it is sent in the X-Dot-SVM-Name header");
    assertThat(invalid(b -> b.targetSvmName("svm1\r\nX-Forged: 1")).field())
        .isEqualTo("targetSvmName");
    assertThat(invalid(b -> b.targetSvmName("svm1 ")).field()).isEqualTo("targetSvmName");
    PasswordChangeRequest r =
        PasswordChangeRequest.builder()
            .name("user1")
            .password(Secret.of("p1"))
            .targetSvmName("vs0.example-1_a")
            .build();
    assertThat(r.targetSvmName()).contains("vs0.example-1_a");
  }

  @Test
  void acceptsTheLimits() {
    PasswordChangeRequest r =
        PasswordChangeRequest.builder().name("u").password(Secret.of("p".repeat(128))).build();
    assertThat(r.confirmOutcome()).isFalse();
    assertThat(r.owner()).isEmpty();
  }

  @Test
  void keepsUnknownHashAlgorithmsAsSent() {
    assertThat(PasswordHashAlgorithm.of("SHA512")).isSameAs(PasswordHashAlgorithm.SHA512);
    PasswordHashAlgorithm future = PasswordHashAlgorithm.of("yescrypt");
    assertThat(future.value()).isEqualTo("yescrypt");
    assertThat(future.isKnown()).isFalse();
    assertThat(future).isEqualTo(PasswordHashAlgorithm.of("yescrypt"));
    assertThat(
            catchThrowableOfType(ValidationException.class, () -> PasswordHashAlgorithm.of("sha 1"))
                .field())
        .isEqualTo("passwordHashAlgorithm");
  }

  @Test
  void toStringMasksThePassword() {
    PasswordChangeRequest r =
        PasswordChangeRequest.builder().name("user1").password(Secret.of("hello@1234")).build();
    assertThat(r.toString()).contains("user1").contains("****").doesNotContain("hello@1234");
  }

  @Test
  void toBuilderMakesAChangedCopyAndLeavesTheOriginal() {
    PasswordChangeRequest user1 =
        PasswordChangeRequest.builder().name("user1").password(Secret.of("hello@1234")).build();
    PasswordChangeRequest user2 = user1.toBuilder().name("user2").build();
    assertThat(user2.name()).isEqualTo("user2");
    assertThat(user2.password()).isEqualTo(user1.password());
    assertThat(user1.name()).isEqualTo("user1");
  }
}
