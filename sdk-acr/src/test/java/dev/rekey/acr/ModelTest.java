package dev.rekey.acr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPassword;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.Secret;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelTest {
  @Test
  void passwordNamesMapToTheirWireSpellingInAnyCase() {
    assertThat(TokenPasswordName.PASSWORD1.wireName()).isEqualTo("password1");
    assertThat(TokenPasswordName.fromWireName("Password2")).contains(TokenPasswordName.PASSWORD2);
    assertThat(TokenPasswordName.fromWireName("password3")).isEmpty();
  }

  @Test
  void passwordLookupIsEmptyForAPasswordThatWasNotGenerated() {
    GeneratedCredentials creds =
        GeneratedCredentials.builder()
            .username("myToken")
            .addPassword(
                TokenPassword.builder()
                    .name(TokenPasswordName.PASSWORD2)
                    .value(Secret.of("s3cr3t-value"))
                    .build())
            .build();
    assertThat(creds.password(TokenPasswordName.PASSWORD1)).isEmpty();
    assertThat(creds.password(TokenPasswordName.PASSWORD2)).isPresent();
    assertThat(creds.toString()).doesNotContain("s3cr3t-value");
  }

  @Test
  void toBuilderMakesAChangedCopyAndLeavesTheOriginal() {
    GenerateCredentialsRequest original =
        GenerateCredentialsRequest.builder()
            .resourceGroup("rg1")
            .registry("myRegistry")
            .token("myToken")
            .expiry(Instant.parse("2030-01-01T00:00:00Z"))
            .build();
    GenerateCredentialsRequest copy =
        original.toBuilder().passwordName(TokenPasswordName.PASSWORD1).build();
    assertThat(copy.passwordName()).contains(TokenPasswordName.PASSWORD1);
    assertThat(copy.expiry()).isEqualTo(original.expiry());
    assertThat(original.passwordName()).isEmpty();
  }
}
