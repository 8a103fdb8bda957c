package dev.rekey.azure.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import dev.rekey.azure.storage.model.StorageServiceKeys;
import dev.rekey.core.ClientCertificate;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.TlsOptions;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.LogCapture;
import dev.rekey.core.test.TestCertificates;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.StorageKeys;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClassicStorageKeysEmulatorTest {
  private static final String KEYS_POST = ".*/storageservices/mystore/keys";

  private final ClassicStorageEmulator emulator = new ClassicStorageEmulator();
  private ClassicStorageKeysClient client;
  private StorageKeys keys;

  private void startWithToken() {
    emulator.start();
    keys = emulator.addAccount(TestSupport.SUB, "mystore");
    client =
        ClassicStorageKeysClient.builder()
            .subscriptionId(TestSupport.SUB)
            .credential(new TestSupport.FakeCredential("t"))
            .options(TestSupport.options(emulator.baseUrl().toString()))
            .build();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    emulator.close();
  }

  private String key(String name) {
    return keys.key(name).orElseThrow().reveal();
  }

  @Test
  void regeneratesOnlyTheNamedKeyAndReturnsBoth() {
    startWithToken();
    String primaryBefore = key("Primary");
    StorageServiceKeys result =
        client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.SECONDARY));
    assertThat(result.primary().reveal()).isEqualTo(primaryBefore);
    assertThat(result.secondary().reveal()).isEqualTo(key("Secondary")).hasSize(88);
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    assertThat(keys.regenerations("Primary")).isZero();
    assertThat(result.requestId()).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
  }

  @Test
  void acceptedRegenerationIsPolledThenTheNewKeysAreRead() {
    startWithToken();
    emulator.faults().planNextOperation(2, AsyncPlan.Outcome.SUCCEEDED);
    Operation<StorageServiceKeys> op =
        client.beginRegenerateKeys(
            RegenerateKeysRequest.builder()
                .serviceName("mystore")
                .keyType(KeyType.PRIMARY)
                .build());
    assertThat(op.id()).matches("[0-9a-f]{32}");
    StorageServiceKeys result = op.waitForCompletion();
    assertThat(result.primary().reveal()).isEqualTo(key("Primary"));
    assertThat(keys.regenerations("Primary")).isEqualTo(1);
    assertThat(emulator.count("GET", ".*/operations/.*")).isEqualTo(3);
    assertThat(emulator.count("GET", KEYS_POST)).isEqualTo(1);
    assertThat(emulator.count("POST", KEYS_POST)).isEqualTo(1);
  }

  @Test
  void keysFetchedAfterPollingNeverReachTheLogs() {
    LogCapture capture = new LogCapture();
    capture.beforeEach(null);
    try {
      startWithToken();
      emulator.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);
      StorageServiceKeys result =
          client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY));
      assertThat(capture.text())
          .contains("operations")
          .doesNotContain(result.primary().reveal())
          .doesNotContain(result.secondary().reveal());
      assertThat(result.toString()).doesNotContain(result.primary().reveal());
    } finally {
      capture.afterEach(null);
    }
  }

  @Test
  void failedOperationEndsWithTheServiceErrorCode() {
    startWithToken();
    String before = key("Primary");
    emulator.faults().planNextOperation(1, AsyncPlan.Outcome.FAILED);
    OperationFailedException e =
        catchThrowableOfType(
            OperationFailedException.class,
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    assertThat(e.status()).isEqualTo("Failed");
    assertThat(e.errorCode()).contains("InternalError");
    assertThat(key("Primary")).isEqualTo(before);
  }

  @Test
  void asyncFormPollsWithoutBlockingAndReturnsTheNewKeys() {
    startWithToken();
    emulator.faults().planNextOperation(1, AsyncPlan.Outcome.SUCCEEDED);
    StorageServiceKeys result =
        client
            .regenerateKeysAsync(
                RegenerateKeysRequest.builder()
                    .serviceName("mystore")
                    .keyType(KeyType.SECONDARY)
                    .build())
            .join();
    assertThat(result.secondary().reveal()).isEqualTo(key("Secondary"));
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
  }

  @Test
  void asyncFormFailsWithTheTypedException() {
    startWithToken();
    CompletionException e =
        catchThrowableOfType(
            CompletionException.class,
            () ->
                client
                    .regenerateKeysAsync(
                        RegenerateKeysRequest.builder()
                            .serviceName("nosuch")
                            .keyType(KeyType.SECONDARY)
                            .build())
                    .join());
    assertThat(e.getCause())
        .isInstanceOfSatisfying(
            StorageServiceException.class,
            s -> {
              assertThat(s.isNotFound()).isTrue();
              assertThat(s.errorCode()).contains("ResourceNotFound");
              assertThat(s.requestId()).isPresent();
            });
  }

  @Test
  void throttledRotationIsResentOnceThenSucceeds() {
    startWithToken();
    emulator.faults().matching("POST", KEYS_POST).throttle(1, Duration.ZERO);
    client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY));
    assertThat(emulator.count("POST", KEYS_POST)).isEqualTo(2);
    assertThat(keys.regenerations("Primary")).isEqualTo(1);
  }

  @Test
  void lostAnswerAfterTheKeyChangedIsAnUnknownOutcomeNotAResend() {
    startWithToken();
    emulator.faults().matching("POST", KEYS_POST).dropAfterProcessing(1);
    catchThrowableOfType(
        OutcomeUnknownException.class,
        () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    assertThat(emulator.count("POST", KEYS_POST)).isEqualTo(1);
    assertThat(keys.regenerations("Primary")).isEqualTo(1);
  }

  @Test
  void rotatesTheStandbyKeyThenTheOther() {
    startWithToken();
    StorageServiceKeys first =
        client.rotateStandbyKey(r -> r.serviceName("mystore").inUse(KeyType.PRIMARY));
    assertThat(keys.regenerations("Secondary")).isEqualTo(1);
    StorageServiceKeys second =
        client.rotateStandbyKey(r -> r.serviceName("mystore").inUse(KeyType.SECONDARY));
    assertThat(keys.regenerations("Primary")).isEqualTo(1);
    assertThat(second.secondary()).isEqualTo(first.secondary());
    assertThat(second.primary()).isNotEqualTo(first.primary());
    assertThat(client.getKeys(r -> r.serviceName("mystore")).primary()).isEqualTo(second.primary());
  }

  @Test
  void authenticatesWithAManagementCertificateOverHttps() {
    HeldCertificate management = TestCertificates.rsaClient(null, "management");
    emulator.requireManagementCertificate(management.certificate());
    emulator.start();
    keys = emulator.addAccount(TestSupport.SUB, "mystore");
    ClientOptions base = TestSupport.options(emulator.baseUrl().toString());
    ClientOptions options =
        ClientOptions.builder()
            .from(base)
            .tls(TlsOptions.builder().trustedCertificatesPem(emulator.certificatePem()).build())
            .build();
    client =
        ClassicStorageKeysClient.builder()
            .subscriptionId(TestSupport.SUB)
            .managementCertificate(
                ClientCertificate.fromPem(
                    management.certificatePem(), management.privateKeyPkcs8Pem()))
            .options(options)
            .build();
    StorageServiceKeys result =
        client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY));
    assertThat(result.primary().reveal()).isEqualTo(key("Primary"));
    assertThat(emulator.requests())
        .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isNull());
  }

  @Test
  void aCallerWithoutTheCertificateIsRefused() {
    HeldCertificate management = TestCertificates.rsaClient(null, "management");
    emulator.requireManagementCertificate(management.certificate());
    emulator.start();
    emulator.addAccount(TestSupport.SUB, "mystore");
    ClientOptions options =
        ClientOptions.builder()
            .from(TestSupport.options(emulator.baseUrl().toString()))
            .tls(TlsOptions.builder().trustedCertificatesPem(emulator.certificatePem()).build())
            .build();
    client =
        ClassicStorageKeysClient.builder()
            .subscriptionId(TestSupport.SUB)
            .credential(new TestSupport.FakeCredential("t"))
            .options(options)
            .build();
    Throwable e =
        catchThrowableOfType(
            RuntimeException.class,
            () -> client.regenerateKeys(r -> r.serviceName("mystore").keyType(KeyType.PRIMARY)));
    assertThat(e)
        .isInstanceOfAny(
            StorageServiceException.class,
            dev.rekey.core.TransportException.class,
            OutcomeUnknownException.class);
    if (e instanceof StorageServiceException s) {
      assertThat(s.isAuthenticationFailure()).isTrue();
    }
  }
}
