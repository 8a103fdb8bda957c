package dev.rekey.acr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.core.test.HostileNames;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link GenerateCredentialsRequest}'s {@code build()} against the reference: registryName {@code
 * ^[a-zA-Z0-9]*$} (the ACR page) with ACR's 5–50 character limit; token names letters, digits and
 * hyphens, 5–50 characters (ACR's token naming rule).
 */
class NamePropertiesTest {
  private static final Predicate<String> REGISTRY = HostileNames.reference("^[a-zA-Z0-9]*$", 5, 50);
  private static final Predicate<String> TOKEN = HostileNames.reference("^[a-zA-Z0-9-]*$", 5, 50);

  @Property(tries = 300)
  void registryNameRuleAgreesWithTheReference(@ForAll("names") String name) {
    boolean accepted =
        HostileNames.accepts(
            () ->
                GenerateCredentialsRequest.builder()
                    .resourceGroup("rg")
                    .registry(name)
                    .token("mytoken")
                    .build());
    assertThat(accepted).as("registryName %s", name).isEqualTo(REGISTRY.test(name));
  }

  @Property(tries = 300)
  void tokenNameRuleAgreesWithTheReference(@ForAll("names") String name) {
    boolean accepted =
        HostileNames.accepts(
            () ->
                GenerateCredentialsRequest.builder()
                    .resourceGroup("rg")
                    .registry("myregistry")
                    .token(name)
                    .build());
    assertThat(accepted).as("tokenName %s", name).isEqualTo(TOKEN.test(name));
  }

  @Provide
  Arbitrary<String> names() {
    return HostileNames.around("abcXYZ0189", 50);
  }
}
