package dev.rekey.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RotateStorageKeyToKeyVaultTest {
  @Test
  void theStandbyKeyIsPublishedToTheVaultAndTheOldKeyIsRefused() {
    String outcome = RotateStorageKeyToKeyVault.onEmulators();
    assertThat(outcome)
        .startsWith("examplestore: COMPLETED; Key Vault now holds key2 (version ")
        .endsWith("was key1; old key1 refused by the account");
  }
}
