package dev.rekey.ontap;

import dev.rekey.core.Secret;
import dev.rekey.core.ServiceError;
import dev.rekey.core.test.Canaries;
import dev.rekey.core.test.ModelSweep;
import dev.rekey.ontap.model.ChangeEvidence;
import dev.rekey.ontap.model.OwnPasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.ontap.model.PasswordChangeResult;
import dev.rekey.ontap.model.PasswordHashAlgorithm;
import dev.rekey.ontap.model.VerifyPasswordRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public ONTAP model and exception, holding canary passwords, shows none of them. */
class ModelsHideSecretsTest {

  @Test
  void everyModelAndExceptionHidesItsSecrets() {
    ModelSweep.assertSampledAndClean(
        PasswordChangeRequest.class,
        "dev.rekey.ontap.model",
        false,
        List.of(
            PasswordChangeRequest.builder()
                .name("svc-backup")
                .password(Secret.of(Canaries.ONTAP_NEW_PASSWORD))
                .ownerName("svm1")
                .passwordHashAlgorithm(PasswordHashAlgorithm.SHA512)
                .build(),
            PasswordChangeResult.builder()
                .accountName("svc-backup")
                .evidence(ChangeEvidence.values()[0])
                .build(),
            PasswordHashAlgorithm.of("sha512"),
            OwnPasswordChangeRequest.builder()
                .password(Secret.of(Canaries.ONTAP_NEW_PASSWORD))
                .build(),
            VerifyPasswordRequest.builder()
                .name("svc-backup")
                .password(Secret.of(Canaries.ONTAP_NEW_PASSWORD))
                .build()));
    ModelSweep.assertSampledAndClean(
        OntapClient.class,
        "dev.rekey.ontap",
        true,
        List.of(
            new OntapServiceException(
                new ServiceError(
                    400, "7077918", "password too short", "password", List.of(), "req-1"))));
  }
}
