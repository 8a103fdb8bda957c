package dev.rekey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.core.test.Canaries;
import dev.rekey.core.test.CanarySweep;
import dev.rekey.testkit.internal.RandomSecrets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IssuedSecretsAreCanariesTest {

  @Test
  void everyIssuedSecretCarriesTheSweepsMarkerAndKeepsItsShape() {
    assertThat(RandomSecrets.MARKER).isEqualTo(Canaries.MARKER);
    String storageKey = RandomSecrets.base64(64);
    assertThat(storageKey).hasSize(88).startsWith(Canaries.MARKER);
    assertThat(Base64.getDecoder().decode(storageKey)).hasSize(64);
    assertThat(RandomSecrets.alphanumeric(52)).hasSize(52).matches("[A-Za-z0-9]+");
    assertThat(
            CanarySweep.carriesCanary(
                RandomSecrets.alphanumeric(20).toUpperCase(java.util.Locale.ROOT)))
        .isTrue();
    assertThat(RandomSecrets.alphanumeric(52)).isNotEqualTo(RandomSecrets.alphanumeric(52));
  }
}
