package dev.rekey.netapp;

import dev.rekey.core.Secret;
import dev.rekey.core.ServiceError;
import dev.rekey.core.test.Canaries;
import dev.rekey.core.test.ModelSweep;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.netapp.model.BucketCredentials;
import dev.rekey.netapp.model.BucketCredentialsRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public NetApp model and exception, holding canary keys, shows none of them. */
class ModelsHideSecretsTest {

  @Test
  void everyModelAndExceptionHidesItsSecrets() {
    BucketAddress address =
        BucketAddress.builder()
            .subscriptionId("00000000-0000-0000-0000-000000000001")
            .resourceGroup("rg")
            .account("acct")
            .pool("pool1")
            .volume("vol1")
            .bucket("bucket1")
            .build();
    ModelSweep.assertSampledAndClean(
        BucketAddress.class,
        "dev.rekey.netapp.model",
        false,
        List.of(
            address,
            BucketCredentials.builder()
                .accessKey(Secret.of(Canaries.ANF_ACCESS_KEY))
                .secretKey(Secret.of(Canaries.ANF_SECRET_KEY))
                .keyPairExpiry(Instant.parse("2027-01-01T00:00:00Z"))
                .build(),
            BucketCredentialsRequest.builder().address(address).keyPairExpiryDays(30).build()));
    ModelSweep.assertSampledAndClean(
        NetAppClient.class,
        "dev.rekey.netapp",
        true,
        List.of(
            new NetAppServiceException(
                new ServiceError(400, "InvalidBucket", "bad", "bucket", List.of(), "req-1"))));
  }
}
