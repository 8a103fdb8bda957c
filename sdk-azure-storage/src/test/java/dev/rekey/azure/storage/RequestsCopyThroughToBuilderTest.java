package dev.rekey.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import org.junit.jupiter.api.Test;

/** Every request makes a changed copy with {@code toBuilder()}, leaving the original as it was. */
class RequestsCopyThroughToBuilderTest {
  @Test
  void armRequestCopiesWithAnotherKey() {
    RegenerateKeyRequest key1 =
        RegenerateKeyRequest.builder()
            .resourceGroup("rg1")
            .accountName("account1")
            .keyName(KeyName.KEY1)
            .build();
    RegenerateKeyRequest key2 = key1.toBuilder().keyName(KeyName.KEY2).build();
    assertThat(key2.keyName()).isEqualTo(KeyName.KEY2);
    assertThat(key2.accountName()).isEqualTo("account1");
    assertThat(key1.keyName()).isEqualTo(KeyName.KEY1);
  }

  @Test
  void classicRequestCopiesWithAnotherKeyType() {
    RegenerateKeysRequest primary =
        RegenerateKeysRequest.builder().serviceName("account1").keyType(KeyType.PRIMARY).build();
    RegenerateKeysRequest secondary = primary.toBuilder().keyType(KeyType.SECONDARY).build();
    assertThat(secondary.keyType()).isEqualTo(KeyType.SECONDARY);
    assertThat(secondary.serviceName()).isEqualTo("account1");
    assertThat(primary.keyType()).isEqualTo(KeyType.PRIMARY);
  }
}
