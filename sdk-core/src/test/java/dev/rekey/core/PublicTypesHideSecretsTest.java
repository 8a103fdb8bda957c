package dev.rekey.core;

import dev.rekey.core.auth.AccessToken;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.core.test.Canaries;
import dev.rekey.core.test.ModelSweep;
import dev.rekey.core.test.TestCertificates;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every public type of sdk-core, built holding canary secrets, shows none of them. */
class PublicTypesHideSecretsTest {

  @Test
  void everyPublicTypeAndExceptionOfCoreHidesItsSecrets(@TempDir Path dir) {
    HeldCertificate ca = TestCertificates.ca("canary-ca");
    Path p12 =
        TestCertificates.writePkcs12(
            dir.resolve("client.p12"),
            Canaries.CLIENT_KEY_PASSWORD,
            TestCertificates.client(ca, "client"));
    ClientCertificate certificate =
        ClientCertificate.fromPkcs12(p12, Secret.of(Canaries.CLIENT_KEY_PASSWORD));
    ProxyOptions proxy =
        ProxyOptions.builder()
            .host("proxy.local")
            .port(3128)
            .username("me")
            .password(Secret.of(Canaries.BASIC_PASSWORD))
            .build();
    TlsOptions tls = TlsOptions.builder().clientCertificate(certificate).build();
    ServiceError error = new ServiceError(409, "Conflict", "busy", "name", List.of(), "req-1");
    List<Object> core =
        List.of(
            certificate,
            proxy,
            tls,
            Secret.of(Canaries.STORAGE_KEY),
            error,
            ClientOptions.builder().proxy(proxy).tls(tls).build(),
            new RekeyException("failed"),
            new ServiceException(error),
            new ValidationException("password", "(hidden)", "must be at least 8 characters"),
            new OperationFailedException("op-1", "Failed", "Conflict", "busy"),
            new OutcomeUnknownException(
                "rotation may have happened", 1, new SocketTimeoutException("read timed out")),
            new CredentialNotReturnedException(
                "op-1",
                "the body is malformed",
                "password1 was regenerated; regenerate it again, knowingly",
                new IOException("cut")),
            new PollingTimeoutException("op-1", "InProgress", Duration.ofMinutes(1)),
            new TransportException("connection reset", true, 2, new IOException("reset")));
    ModelSweep.assertSampledAndClean(RekeyException.class, "dev.rekey.core", false, core);
    ModelSweep.assertSampledAndClean(
        RekeyException.class,
        "dev.rekey.core.auth",
        false,
        List.of(
            new AccessToken(Secret.of(Canaries.BEARER_TOKEN), Instant.now()),
            Authentication.basic("admin", Secret.of(Canaries.BASIC_PASSWORD)),
            Authentication.basic("admin", () -> Secret.of(Canaries.BASIC_PASSWORD)),
            Authentication.bearer(
                () -> new AccessToken(Secret.of(Canaries.BEARER_TOKEN), Instant.MAX))));
    ModelSweep.assertSampledAndClean(
        RekeyException.class,
        "dev.rekey.core.poll",
        false,
        List.of(
            PollingPolicy.defaults(),
            Operation.completed("op-1", Secret.of(Canaries.ACR_PASSWORD))));
    ModelSweep.assertSampledAndClean(
        RekeyException.class, "dev.rekey.core.retry", false, List.of(RetryPolicy.defaults()));
  }
}
