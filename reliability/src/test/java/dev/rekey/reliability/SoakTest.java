package dev.rekey.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.azure.storage.model.RegenerateKeyRequest;
import dev.rekey.azure.storage.model.RegenerateKeysRequest;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.poll.PollingPolicy;
import dev.rekey.core.retry.RetryPolicy;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.netapp.model.BucketCredentialsRequest;
import dev.rekey.ontap.OntapClient;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.Emulator;
import dev.rekey.testkit.NetAppEmulator;
import dev.rekey.testkit.OntapEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 13's soak: a dozen threads share one client per service (ACR, NetApp, ARM storage, classic
 * storage, ONTAP) against the testkit emulators on loopback, each thread owning one resource per
 * service, drawing a random fault before every rotation (sync or async; ONTAP with or without
 * {@code confirmOutcome}) for about {@value #SECONDS} seconds and at most {@value #MAX_CALLS} calls
 * per thread. Per resource: no call applies two rotations, a success applied exactly one, no answer
 * that reads "not applied" hides an applied change, no internal exception type escapes, and the
 * rotations applied never exceed successes plus "may have been applied" outcomes.
 */
class SoakTest {
  static final int THREADS = 12;
  static final int SECONDS = 12;
  static final int MAX_CALLS = 3_000;
  static final String SUB = Target.SUB;
  static final String RG = Target.RG;

  @Test
  void randomFaultsUnderTwelveThreadsNeverHideOrRepeatARotation() {
    assertTimeoutPreemptively(Duration.ofSeconds(SECONDS + 25), this::soak);
  }

  private void soak() throws Exception {
    AcrEmulator acr = new AcrEmulator();
    NetAppEmulator netapp = new NetAppEmulator();
    ArmStorageEmulator arm = new ArmStorageEmulator();
    ClassicStorageEmulator classic = new ClassicStorageEmulator();
    OntapEmulator ontap = new OntapEmulator("Admin-pass-1");
    List<Emulator> emulators = List.of(acr, netapp, arm, classic, ontap);
    emulators.forEach(Emulator::start);
    try (AcrClient acrClient =
            AcrClient.builder()
                .subscriptionId(SUB)
                .credential(Target.freshTokens())
                .options(options(acr))
                .build();
        NetAppClient netappClient =
            NetAppClient.builder()
                .credential(Target.freshTokens())
                .options(options(netapp))
                .build();
        StorageAccountKeysClient armClient =
            StorageAccountKeysClient.builder()
                .subscriptionId(SUB)
                .credential(Target.freshTokens())
                .options(options(arm))
                .build();
        ClassicStorageKeysClient classicClient =
            ClassicStorageKeysClient.builder()
                .subscriptionId(SUB)
                .credential(Target.freshTokens())
                .options(options(classic))
                .build();
        OntapClient ontapClient =
            OntapClient.builder()
                .options(options(ontap))
                .trustCertificatePem(ontap.certificatePem())
                .basic("admin", ontap.adminPassword())
                .build()) {
      List<List<SoakResource>> owned = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String n = String.format("%02d", t);
        var token = acr.addToken(SUB, RG, "registry" + n, "token" + n);
        var bucket = netapp.addBucket(SUB, RG, "account1", "pool1", "volume1", "bucket" + n);
        var armKeys = arm.addAccount(SUB, RG, "acct" + n);
        var classicKeys = classic.addAccount(SUB, "acct" + n);
        var user = ontap.addClusterUser("user" + n, "Old-pass-1", false);
        var acrRequest =
            GenerateCredentialsRequest.builder()
                .resourceGroup(RG)
                .registry("registry" + n)
                .token("token" + n)
                .build();
        var bucketRequest =
            BucketCredentialsRequest.builder()
                .address(
                    a ->
                        a.subscriptionId(SUB)
                            .resourceGroup(RG)
                            .account("account1")
                            .pool("pool1")
                            .volume("volume1")
                            .bucket("bucket" + n))
                .keyPairExpiryDays(30)
                .build();
        var armRequest =
            RegenerateKeyRequest.builder()
                .resourceGroup(RG)
                .accountName("acct" + n)
                .keyName(KeyName.KEY1)
                .build();
        var classicRequest =
            RegenerateKeysRequest.builder()
                .keyType(KeyType.SECONDARY)
                .serviceName("acct" + n)
                .build();
        owned.add(
            List.of(
                new SoakResource(
                    "ACR token" + n,
                    acr.faults(),
                    acr.faults()
                        .matching("POST", ".+/registries/registry" + n + "/generateCredentials"),
                    (async, r) -> {
                      if (async) {
                        acrClient.generateCredentialsAsync(acrRequest).join();
                      } else {
                        acrClient.generateCredentials(acrRequest);
                      }
                    },
                    token::generations),
                new SoakResource(
                    "NetApp bucket" + n,
                    netapp.faults(),
                    netapp
                        .faults()
                        .matching("POST", ".+/buckets/bucket" + n + "/generateCredentials"),
                    (async, r) -> {
                      if (async) {
                        netappClient.generateBucketCredentialsAsync(bucketRequest).join();
                      } else {
                        netappClient.generateBucketCredentials(bucketRequest);
                      }
                    },
                    bucket::generations),
                new SoakResource(
                    "ARM storage acct" + n,
                    arm.faults(),
                    arm.faults().matching("POST", ".+/storageAccounts/acct" + n + "/regenerateKey"),
                    (async, r) -> {
                      if (async) {
                        armClient.regenerateKeyAsync(armRequest).join();
                      } else {
                        armClient.regenerateKey(armRequest);
                      }
                    },
                    () -> armKeys.regenerations("key1")),
                new SoakResource(
                    "classic storage acct" + n,
                    classic.faults(),
                    classic.faults().matching("POST", ".+/storageservices/acct" + n + "/keys"),
                    (async, r) -> {
                      if (async) {
                        classicClient.regenerateKeysAsync(classicRequest).join();
                      } else {
                        classicClient.regenerateKeys(classicRequest);
                      }
                    },
                    () -> classicKeys.regenerations("Secondary")),
                new SoakResource(
                    "ONTAP user" + n,
                    ontap.faults(),
                    // ONTAP names the account in the body, so a fault may hit another thread's
                    // change: the
                    // ledger checks each answer against its own account, whoever's fault it met.
                    ontap.faults().matching("POST", "/api/security/authentication/password"),
                    (async, r) -> {
                      PasswordChangeRequest change =
                          PasswordChangeRequest.builder()
                              .name("user" + n)
                              .password(Secret.of("Pw1-" + UUID.randomUUID()))
                              .confirmOutcome(r.nextBoolean())
                              .build();
                      if (async) {
                        ontapClient.changePasswordAsync(change).join();
                      } else {
                        ontapClient.changePassword(change);
                      }
                    },
                    user::changes)));
      }
      run(owned);
      List<String> violations = new ArrayList<>();
      int calls = 0;
      int successes = 0;
      for (List<SoakResource> resources : owned) {
        for (SoakResource r : resources) {
          violations.addAll(r.violations());
          calls += r.calls();
          successes += r.successes();
        }
      }
      LoggerFactory.getLogger(SoakTest.class)
          .info("soak: {} threads, {} calls, {} successes", THREADS, calls, successes);
      assertThat(violations).as("broken promises in %d calls", calls).isEmpty();
      assertThat(calls).as("calls made").isGreaterThanOrEqualTo(THREADS * 5);
      assertThat(owned)
          .allSatisfy(
              resources ->
                  assertThat(resources)
                      .allSatisfy(r -> assertThat(r.calls()).as("calls on %s", r).isPositive()));
      assertThat(successes).isPositive();
    } finally {
      emulators.forEach(Emulator::close);
    }
  }

  private static void run(List<List<SoakResource>> owned) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<SoakResource> mine = owned.get(t);
        SplittableRandom random = new SplittableRandom(1000L + t);
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < MAX_CALLS && System.nanoTime() < deadline; i++) {
                    mine.get(i % mine.size())
                        .rotateUnder(SoakFault.draw(random), random); // each service in turn
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Short timeouts, quick retries and polls on a real clock, so a fault costs milliseconds. */
  private static ClientOptions options(Emulator emulator) {
    return Target.options(emulator)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(SoakFault.READ_TIMEOUT_LIMIT)
        .maxResponseBytes(SoakFault.MAX_RESPONSE_BYTES)
        .retryPolicy(
            RetryPolicy.builder()
                .baseDelay(Duration.ofMillis(5))
                .maxDelay(Duration.ofMillis(20))
                .maxServerDelay(Duration.ofMillis(20))
                .build())
        .pollingPolicy(
            PollingPolicy.builder()
                .initialInterval(Duration.ofMillis(5))
                .maxInterval(Duration.ofMillis(20))
                .timeout(Duration.ofMillis(500))
                .build())
        .build();
  }
}
