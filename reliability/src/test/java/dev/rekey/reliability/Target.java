package dev.rekey.reliability;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.acr.AcrClient;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.azure.storage.model.KeyName;
import dev.rekey.azure.storage.model.KeyType;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.Emulator;
import dev.rekey.testkit.NetAppEmulator;
import dev.rekey.testkit.OntapEmulator;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import reactor.core.publisher.Mono;

/**
 * One client under test with its emulator: how to build it, make one rotation (sync or async), and
 * count the rotation requests the emulator received and the rotations it applied.
 */
enum Target {
  ACR("ACR", "POST", ".+/generateCredentials"),
  NETAPP("NetApp", "POST", ".+/generateCredentials"),
  ARM_STORAGE("ARM storage", "POST", ".+/regenerateKey"),
  CLASSIC_STORAGE("classic storage", "POST", ".+/keys"),
  ONTAP("ONTAP", "POST", "/api/security/authentication/password");

  static final String SUB = "00000000-0000-0000-0000-000000000001";
  static final String RG = "rg1";

  final String title;
  private final String method;
  private final String rotationPath;

  Target(String title, String method, String rotationPath) {
    this.title = title;
    this.method = method;
    this.rotationPath = rotationPath;
  }

  /** Returns a new, not yet started emulator for this client. */
  Emulator newEmulator() {
    return switch (this) {
      case ACR -> new AcrEmulator();
      case NETAPP -> new NetAppEmulator();
      case ARM_STORAGE -> new ArmStorageEmulator();
      case CLASSIC_STORAGE -> new ClassicStorageEmulator();
      case ONTAP -> new OntapEmulator("Admin-pass-1");
    };
  }

  /** Returns the path pattern of this client's operation status requests. */
  String pollPathRegex() {
    return switch (this) {
      case ACR, NETAPP, ARM_STORAGE -> "/rekey-emulator/operations/.+";
      case CLASSIC_STORAGE -> "/[^/]+/operations/.+";
      case ONTAP -> "/api/cluster/jobs/.+";
    };
  }

  /** Returns the path pattern of this client's rotation requests. */
  String rotationPathRegex() {
    return rotationPath;
  }

  /** Returns the number of rotation requests {@code emulator} received. */
  long rotationRequests(Emulator emulator) {
    return emulator.count(method, rotationPath);
  }

  /** A started client against a reset emulator with one resource to rotate. */
  interface Session extends AutoCloseable {
    /** Rotates once, blocking. */
    void rotate();

    /** Rotates once without blocking; the future completes with a value that names the call. */
    CompletableFuture<String> rotateAsync();

    /** Returns how many rotations the emulator applied. */
    int applied();

    @Override
    void close();
  }

  /**
   * Resets {@code emulator}, adds the resource to rotate, and returns a client session against it.
   */
  Session open(Emulator emulator, ClientOptions options) {
    return open(emulator, options, false);
  }

  /**
   * Like {@link #open(Emulator, ClientOptions)}; {@code confirm} makes ONTAP's rotations ask to
   * confirm a lost answer ({@code confirmOutcome}).
   */
  Session open(Emulator emulator, ClientOptions options, boolean confirm) {
    emulator.reset();
    TokenCredential tokens = freshTokens();
    return switch (this) {
      case ACR -> {
        var token = ((AcrEmulator) emulator).addToken(SUB, RG, "registry1", "token1");
        AcrClient c =
            AcrClient.builder().subscriptionId(SUB).credential(tokens).options(options).build();
        var request =
            dev.rekey.acr.model.GenerateCredentialsRequest.builder()
                .resourceGroup(RG)
                .registry("registry1")
                .token("token1")
                .build();
        yield session(
            c,
            () -> c.generateCredentials(request),
            () -> c.generateCredentialsAsync(request).thenApply(r -> r.username()),
            token::generations);
      }
      case NETAPP -> {
        var bucket =
            ((NetAppEmulator) emulator)
                .addBucket(SUB, RG, "account1", "pool1", "volume1", "bucket1");
        NetAppClient c = NetAppClient.builder().credential(tokens).options(options).build();
        var request =
            dev.rekey.netapp.model.BucketCredentialsRequest.builder()
                .address(
                    a ->
                        a.subscriptionId(SUB)
                            .resourceGroup(RG)
                            .account("account1")
                            .pool("pool1")
                            .volume("volume1")
                            .bucket("bucket1"))
                .keyPairExpiryDays(30)
                .build();
        yield session(
            c,
            () -> c.generateBucketCredentials(request),
            () -> c.generateBucketCredentialsAsync(request).thenApply(r -> "bucket1"),
            bucket::generations);
      }
      case ARM_STORAGE -> {
        var keys = ((ArmStorageEmulator) emulator).addAccount(SUB, RG, "account1");
        StorageAccountKeysClient c =
            StorageAccountKeysClient.builder()
                .subscriptionId(SUB)
                .credential(tokens)
                .options(options)
                .build();
        var request =
            dev.rekey.azure.storage.model.RegenerateKeyRequest.builder()
                .resourceGroup(RG)
                .accountName("account1")
                .keyName(KeyName.KEY1)
                .build();
        yield session(
            c,
            () -> c.regenerateKey(request),
            () -> c.regenerateKeyAsync(request).thenApply(r -> "account1"),
            () -> keys.regenerations("key1"));
      }
      case CLASSIC_STORAGE -> {
        var keys = ((ClassicStorageEmulator) emulator).addAccount(SUB, "account1");
        ClassicStorageKeysClient c =
            ClassicStorageKeysClient.builder()
                .subscriptionId(SUB)
                .credential(tokens)
                .options(options)
                .build();
        var request =
            dev.rekey.azure.storage.model.RegenerateKeysRequest.builder()
                .keyType(KeyType.SECONDARY)
                .serviceName("account1")
                .build();
        yield session(
            c,
            () -> c.regenerateKeys(request),
            () -> c.regenerateKeysAsync(request).thenApply(r -> "account1"),
            () -> keys.regenerations("Secondary"));
      }
      case ONTAP -> {
        OntapEmulator ontap = (OntapEmulator) emulator;
        var account = ontap.addClusterUser("ops", "Old-pass-1", false);
        OntapClient c =
            OntapClient.builder()
                .options(options)
                .trustCertificatePem(ontap.certificatePem())
                .basic("admin", ontap.adminPassword())
                .build();
        yield session(
            c,
            () ->
                c.changePassword(
                    r -> r.name("ops").password(newPassword()).confirmOutcome(confirm)),
            () ->
                c.changePasswordAsync(
                        dev.rekey.ontap.model.PasswordChangeRequest.builder()
                            .name("ops")
                            .password(newPassword())
                            .confirmOutcome(confirm)
                            .build())
                    .thenApply(r -> "ops"),
            account::changes);
      }
    };
  }

  /** Returns options pointing at {@code emulator}, to adjust further. */
  static ClientOptions.Builder options(Emulator emulator) {
    return ClientOptions.builder().endpoint(emulator.baseUrl());
  }

  private static Secret newPassword() {
    return Secret.of("Pw1-" + UUID.randomUUID());
  }

  /** A credential that hands out a new token each time it is asked, as after a refresh. */
  static TokenCredential freshTokens() {
    AtomicInteger n = new AtomicInteger();
    return ctx ->
        Mono.just(
            new AccessToken(
                "token-" + n.incrementAndGet(), OffsetDateTime.now().plus(Duration.ofHours(1))));
  }

  private static Session session(
      AutoCloseable client,
      Runnable rotate,
      java.util.function.Supplier<CompletableFuture<String>> async,
      IntSupplier applied) {
    return new Session() {
      @Override
      public void rotate() {
        rotate.run();
      }

      @Override
      public CompletableFuture<String> rotateAsync() {
        return async.get();
      }

      @Override
      public int applied() {
        return applied.getAsInt();
      }

      @Override
      public void close() {
        try {
          client.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
