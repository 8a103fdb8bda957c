package dev.rekey.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.core.Secret;
import dev.rekey.ontap.OntapClient;
import dev.rekey.ontap.model.PasswordChangeRequest;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.Emulator;
import dev.rekey.testkit.OntapEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * One client shared by 32 threads, and 200 async calls in flight: no errors, every answer belongs
 * to its request, a bounded number of connections (counted by the emulator), no thread per call.
 */
class SharedClientTest {
  private static final int THREADS = 32;
  private static final int NAMES = 64;

  @Test
  void acrClientSharedBy32ThreadsAnswersEachCallWithItsOwnToken() throws Exception {
    try (AcrEmulator acr = new AcrEmulator()) {
      acr.start();
      for (int i = 0; i < NAMES; i++) {
        acr.addToken(Target.SUB, Target.RG, "registry1", "token" + i);
      }
      try (AcrClient client =
          AcrClient.builder()
              .subscriptionId(Target.SUB)
              .credential(Target.freshTokens())
              .options(Target.options(acr).build())
              .build()) {
        runShared(
            2000,
            i -> {
              String token = "token" + (i % NAMES);
              String user =
                  client
                      .generateCredentials(
                          GenerateCredentialsRequest.builder()
                              .resourceGroup(Target.RG)
                              .registry("registry1")
                              .token(token)
                              .build())
                      .username();
              return new String[] {token, user};
            });
        assertThat(connections(acr)).isBetween(1L, (long) THREADS);
        assertThat(acr.requests()).hasSize(2000);
        assertFewThreadsFor200AsyncCalls(
            acr,
            i ->
                client
                    .generateCredentialsAsync(
                        GenerateCredentialsRequest.builder()
                            .resourceGroup(Target.RG)
                            .registry("registry1")
                            .token("token" + (i % NAMES))
                            .build())
                    .thenApply(c -> c.username().equals("token" + (i % NAMES))));
      }
    }
  }

  @Test
  void ontapClientOverHttpsSharedBy32ThreadsAnswersEachCallForItsOwnAccount() throws Exception {
    try (OntapEmulator ontap = new OntapEmulator("Admin-pass-1")) {
      ontap.start();
      for (int i = 0; i < NAMES; i++) {
        ontap.addClusterUser("user" + i, "Old-pass-" + i, false);
      }
      try (OntapClient client =
          OntapClient.builder()
              .options(Target.options(ontap).build())
              .trustCertificatePem(ontap.certificatePem())
              .basic("admin", ontap.adminPassword())
              .build()) {
        runShared(
            1000,
            i -> {
              String user = "user" + (i % NAMES);
              String location =
                  client
                      .changePassword(r -> r.name(user).password(password()))
                      .location()
                      .orElseThrow();
              return new String[] {"/" + user, location.substring(location.lastIndexOf('/'))};
            });
        // ONTAP's default cap of 8 calls in flight holds for 32 sync callers too: they wait for a
        // slot.
        assertThat(connections(ontap)).isBetween(1L, 8L);
        assertFewThreadsFor200AsyncCalls(
            ontap,
            i ->
                client
                    .changePasswordAsync(
                        PasswordChangeRequest.builder()
                            .name("user" + (i % NAMES))
                            .password(password())
                            .build())
                    .thenApply(r -> r.location().orElseThrow().endsWith("/user" + (i % NAMES))));
      }
    }
  }

  /** Runs {@code calls} calls on 32 threads; each returns {expected, actual}, which must match. */
  private static void runShared(int calls, IntFunction<String[]> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<String[]>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int n = i;
        results.add(pool.submit(() -> call.apply(n)));
      }
      for (Future<String[]> f : results) {
        String[] pair = f.get();
        assertThat(pair[1]).as("answer of the call for %s", pair[0]).isEqualTo(pair[0]);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Starts 200 async calls, each answered after 300 ms, and checks they complete on few threads.
   */
  private static void assertFewThreadsFor200AsyncCalls(
      Emulator emulator, IntFunction<CompletableFuture<Boolean>> call) throws Exception {
    emulator.faults().delay(200, Duration.ofMillis(300));
    int before = Thread.activeCount();
    List<CompletableFuture<Boolean>> inFlight = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      inFlight.add(call.apply(i));
    }
    int peak = 0;
    while (!inFlight.stream().allMatch(CompletableFuture::isDone)) {
      peak = Math.max(peak, clientThreads());
      Thread.sleep(20);
    }
    for (CompletableFuture<Boolean> f : inFlight) {
      assertThat(f.get()).as("async answer matches its request").isTrue();
    }
    // The client caps calls in flight per host (32 by default); OkHttp's cached pool may briefly
    // add
    // a thread while a finishing one hands over, so the bound is loose but far from one per call.
    assertThat(peak).as("client threads for 200 calls in flight").isBetween(1, 2 * THREADS);
    assertThat(Thread.activeCount() - before).as("all threads added").isLessThan(200);
  }

  /** Counts the client's HTTP threads (Rekey's dispatcher threads are named rekey-http-N). */
  static int clientThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().startsWith("rekey-http-"))
            .count();
  }

  private static long connections(Emulator emulator) {
    return emulator.requests().stream()
        .mapToInt(RecordedRequest::getConnectionIndex)
        .distinct()
        .count();
  }

  private static Secret password() {
    return Secret.of("Pw1-" + UUID.randomUUID());
  }
}
