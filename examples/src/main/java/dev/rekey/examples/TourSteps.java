package dev.rekey.examples;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.core.poll.Operation;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.Emulator;
import dev.rekey.testkit.NetAppEmulator;
import dev.rekey.testkit.OntapEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The tour's steps: it starts the five emulators, runs one call per step through the real clients,
 * checks in the emulator's state that the call changed what it should, and closes everything.
 */
final class TourSteps implements AutoCloseable {
  private static final String SUB = "00000000-0000-0000-0000-000000000000";
  private static final String RG = "tour-rg";
  private static final TokenCredential ANY_TOKEN =
      ctx -> Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));

  private final List<Emulator> started = new ArrayList<>();
  private final @Nullable PrintStream progress;
  private final String ontapAdminPassword = generatedPassword();
  private final ClassicStorageEmulator classic = new ClassicStorageEmulator();
  private final ArmStorageEmulator arm = new ArmStorageEmulator();
  private final AcrEmulator acr = new AcrEmulator();
  private final NetAppEmulator netApp = new NetAppEmulator();
  private final OntapEmulator ontap = new OntapEmulator(ontapAdminPassword);

  private TourSteps(@Nullable PrintStream progress) {
    this.progress = progress;
  }

  /** Starts the emulators; {@code progress}, when not null, receives a polling indicator. */
  static TourSteps start(@Nullable PrintStream progress) {
    TourSteps steps = new TourSteps(progress);
    try {
      for (Emulator e : List.of(steps.classic, steps.arm, steps.acr, steps.netApp, steps.ontap)) {
        e.start();
        steps.started.add(e);
      }
    } catch (RuntimeException e) {
      steps.close();
      throw e;
    }
    return steps;
  }

  /** Returns the NetApp Files emulator, e.g. to inject a fault. */
  NetAppEmulator netApp() {
    return netApp;
  }

  /** Runs every step, in order, and returns one row each. */
  List<TourRow> runAll() {
    List<TourRow> rows = new ArrayList<>();
    rows.add(step("Storage (classic)", "regenerateKeys(SECONDARY)", this::classicKey));
    rows.add(step("Storage (ARM)", "regenerateKey(key1)", this::armKey));
    rows.add(step("ACR", "beginGenerateCredentials(password1)", this::acrPassword));
    rows.add(step("NetApp Files", "generateBucketCredentials", this::netAppKeys));
    Secret oldPassword = Secret.of(generatedPassword());
    ontap.addClusterUser("tour_user", oldPassword.reveal(), false);
    try (OntapClient client =
        OntapClient.builder()
            .endpoint(ontap.baseUrl())
            .trustCertificatePem(ontap.certificatePem())
            .basic("admin", Secret.of(ontapAdminPassword))
            .build()) {
      rows.add(step("ONTAP (HTTPS)", "changePassword(tour_user)", () -> ontapChange(client)));
      rows.add(
          step("ONTAP (HTTPS)", "verifyPassword(old)", () -> ontapOldRefused(client, oldPassword)));
      rows.add(step("ONTAP password into a file", "Rotator.rotate", () -> ontapIntoFile(client)));
    }
    rows.add(
        step(
            "Storage key into an emulated Key Vault",
            "Rotator.rotate",
            RotateStorageKeyToKeyVault::onEmulators));
    return rows;
  }

  private String classicKey() {
    var keys = classic.addAccount(SUB, "tourstore");
    Secret primary = keys.key("Primary").orElseThrow();
    try (ClassicStorageKeysClient client =
        ClassicStorageKeysClient.builder()
            .subscriptionId(SUB)
            .credential(ANY_TOKEN)
            .options(options(classic))
            .build()) {
      client.regenerateKeys(r -> r.serviceName("tourstore").keyType(KeyType.SECONDARY));
    }
    expect(keys.regenerations("Secondary") == 1, "Secondary was not regenerated");
    expect(keys.key("Primary").orElseThrow().equals(primary), "Primary changed too");
    return "Secondary key regenerated, Primary kept";
  }

  private String armKey() {
    var keys = arm.addAccount(SUB, RG, "tourstorage");
    try (StorageAccountKeysClient client =
        StorageAccountKeysClient.builder()
            .subscriptionId(SUB)
            .credential(ANY_TOKEN)
            .options(options(arm))
            .build()) {
      client.regenerateKey(
          r -> r.resourceGroup(RG).accountName("tourstorage").keyName(KeyName.KEY1));
    }
    expect(
        keys.regenerations("key1") == 1 && keys.regenerations("key2") == 0,
        "key1 alone was not regenerated");
    return "key1 regenerated, key2 kept";
  }

  private String acrPassword() {
    var token = acr.addToken(SUB, RG, "tourregistry", "tourtoken");
    acr.faults()
        .planNextOperation(AsyncPlan.location(3)); // answer 202, then "in progress" three times
    try (AcrClient client =
        AcrClient.builder()
            .subscriptionId(SUB)
            .credential(ANY_TOKEN)
            .options(options(acr))
            .build()) {
      Operation<GeneratedCredentials> op =
          client.beginGenerateCredentials(
              GenerateCredentialsRequest.builder()
                  .resourceGroup(RG)
                  .registry("tourregistry")
                  .token("tourtoken")
                  .passwordName(TokenPasswordName.PASSWORD1)
                  .expiry(Instant.now().plus(Duration.ofDays(30)))
                  .build());
      int polls = 0;
      Optional<GeneratedCredentials> done = op.poll();
      while (done.isEmpty()) {
        polls++;
        showProgress(polls);
        sleep(200);
        done = op.poll();
      }
      endProgress(polls);
      expect(
          token.generations() == 1 && token.password("password1").isPresent(),
          "password1 was not replaced");
      return "password1 replaced (202, " + polls + " polls)";
    }
  }

  private String netAppKeys() {
    BucketAddress address =
        BucketAddress.builder()
            .subscriptionId(SUB)
            .resourceGroup(RG)
            .account("touraccount")
            .pool("pool1")
            .volume("volume1")
            .bucket("bucket1")
            .build();
    var bucket = netApp.addBucket(SUB, RG, "touraccount", "pool1", "volume1", "bucket1");
    try (NetAppClient client =
        NetAppClient.builder().credential(ANY_TOKEN).options(options(netApp)).build()) {
      client.generateBucketCredentials(r -> r.address(address).expiresIn(Duration.ofDays(30)));
    }
    expect(
        bucket.generations() == 1 && bucket.secretKey().isPresent(), "no key pair was generated");
    return "bucket1 access/secret key pair generated";
  }

  private String ontapChange(OntapClient client) {
    int before = ontap.clusterUser("tour_user").orElseThrow().changes();
    client.changePassword(
        r -> r.name("tour_user").password(Secret.of(generatedPassword())).confirmOutcome(true));
    expect(
        ontap.clusterUser("tour_user").orElseThrow().changes() == before + 1,
        "the password did not change");
    return "tour_user password changed";
  }

  private String ontapOldRefused(OntapClient client, Secret oldPassword) {
    expect(
        !client.verifyPassword(r -> r.name("tour_user").password(oldPassword)),
        "the old password still logs in");
    return "old password refused";
  }

  private String ontapIntoFile(OntapClient client) {
    ontap.addClusterUser("tour_rotated", generatedPassword(), false);
    try {
      Path dir = Files.createTempDirectory("rekey-tour");
      String done = RotateOntapPasswordToFile.rotate(client, "tour_rotated", dir);
      expect(done.endsWith("the file's password logs in"), done);
      return done;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void showProgress(int polls) {
    if (progress != null) {
      progress.print(polls == 1 ? "ACR: waiting for the operation ." : ".");
      progress.flush();
    }
  }

  private void endProgress(int polls) {
    if (progress != null && polls > 0) {
      progress.println(" done");
    }
  }

  /** Runs {@code step}, timing it; an exception becomes a FAILED row with its type and message. */
  static TourRow step(String service, String call, Step step) {
    long start = System.nanoTime();
    String outcome = "OK";
    String changed;
    try {
      changed = step.run();
    } catch (RuntimeException e) {
      outcome = "FAILED";
      changed = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return new TourRow(service, call, outcome, (System.nanoTime() - start) / 1_000_000, changed);
  }

  private static ClientOptions options(Emulator emulator) {
    return ClientOptions.builder().endpoint(emulator.baseUrl()).build();
  }

  private static void expect(boolean condition, String failure) {
    if (!condition) {
      throw new IllegalStateException(failure);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while polling", e);
    }
  }

  /** A random password with letters and digits, as ONTAP's default policy asks. */
  private static String generatedPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return "Pw1" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Closes every emulator that was started. */
  @Override
  public void close() {
    for (Emulator e : started) {
      e.close();
    }
    started.clear();
  }

  /** One step: it runs a call and returns what changed, or throws. */
  interface Step {
    String run();
  }
}
