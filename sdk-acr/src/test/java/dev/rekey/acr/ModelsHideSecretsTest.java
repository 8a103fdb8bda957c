package dev.rekey.acr;

import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPassword;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceError;
import dev.rekey.core.test.Canaries;
import dev.rekey.core.test.ModelSweep;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public ACR model and exception, holding canary passwords, shows none of them. */
class ModelsHideSecretsTest {

  @Test
  void everyModelAndExceptionHidesItsSecrets() {
    TokenPassword password =
        TokenPassword.builder()
            .name(TokenPasswordName.PASSWORD1)
            .value(Secret.of(Canaries.ACR_PASSWORD))
            .expiry(Instant.parse("2027-01-01T00:00:00Z"))
            .build();
    ModelSweep.assertSampledAndClean(
        GeneratedCredentials.class,
        "dev.rekey.acr.model",
        false,
        List.of(
            password,
            GeneratedCredentials.builder().username("mytoken").addPasswords(password).build(),
            GenerateCredentialsRequest.builder()
                .resourceGroup("rg")
                .registry("myregistry")
                .token("mytoken")
                .build()));
    ModelSweep.assertSampledAndClean(
        AcrClient.class,
        "dev.rekey.acr",
        true,
        List.of(
            new AcrServiceException(
                new ServiceError(
                    404, "TokenNotFound", "no such token", "mytoken", List.of(), "req-1"))));
  }
}
