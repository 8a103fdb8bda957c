package dev.rekey.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import dev.rekey.core.test.HostileNames;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Storage account and classic service names against Azure's storage naming rule: 3–24 lower-case
 * letters and digits (the classic page names no pattern; ARM and classic share this one).
 */
class NamePropertiesTest {
  private static final Predicate<String> ACCOUNT = HostileNames.reference("^[a-z0-9]*$", 3, 24);

  @Property(tries = 300)
  void armAccountNameAgreesWithTheReference(@ForAll("names") String name) {
    boolean accepted =
        HostileNames.accepts(
            () ->
                RegenerateKeyRequest.builder()
                    .resourceGroup("rg")
                    .accountName(name)
                    .keyName(KeyName.KEY1)
                    .build());
    assertThat(accepted).as("accountName %s", name).isEqualTo(ACCOUNT.test(name));
  }

  @Property(tries = 300)
  void classicServiceNameAgreesWithTheReference(@ForAll("names") String name) {
    boolean accepted =
        HostileNames.accepts(
            () ->
                RegenerateKeysRequest.builder().serviceName(name).keyType(KeyType.PRIMARY).build());
    assertThat(accepted).as("serviceName %s", name).isEqualTo(ACCOUNT.test(name));
  }

  @Provide
  Arbitrary<String> names() {
    return HostileNames.around("abz019", 24);
  }
}
