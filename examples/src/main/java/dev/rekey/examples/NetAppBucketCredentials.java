package dev.rekey.examples;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.core.ClientOptions;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.netapp.model.BucketCredentials;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.NetAppEmulator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * Generates a new access key and secret key for an Azure NetApp Files volume bucket, valid for 30
 * days, and prints the access key's first characters and the expiry — never the secret key.
 *
 * <p>By default it runs against the embedded {@link NetAppEmulator} (which answers 202 first, so
 * the call polls). To use a real bucket set {@code ANF_BUCKET_ID} to its full ARM resource id
 * ({@code /subscriptions/…/resourceGroups/…/providers/Microsoft.NetApp/netAppAccounts/…}{@code
 * /capacityPools/…/volumes/…/buckets/…}); credentials then come from {@code DefaultAzureCredential}
 * (e.g. {@code AZURE_CLIENT_ID}/{@code AZURE_TENANT_ID}/{@code AZURE_CLIENT_SECRET}, or an Azure
 * CLI login). Beware: against a real bucket this really generates a new key pair.
 */
public final class NetAppBucketCredentials {
  private static final int DAYS = 30;

  private NetAppBucketCredentials() {}

  /** Runs the example. */
  public static void main(String[] args) {
    RealTargets real = RealTargets.fromEnvironment();
    if (real.configured("netapp")) {
      BucketAddress bucket = real.bucket();
      System.out.println("Using Azure subscription " + bucket.subscriptionId());
      try (NetAppClient anf = real.netApp()) {
        System.out.println(generate(anf, bucket));
      }
      return;
    }
    BucketAddress bucket =
        BucketAddress.builder()
            .subscriptionId("00000000-0000-0000-0000-000000000000")
            .resourceGroup("myRG")
            .account("account1")
            .pool("pool1")
            .volume("volume1")
            .bucket("bucket1")
            .build();
    try (NetAppEmulator emulator = new NetAppEmulator()) {
      emulator.start();
      emulator.addBucket(
          bucket.subscriptionId(),
          bucket.resourceGroup(),
          bucket.account(),
          bucket.pool(),
          bucket.volume(),
          bucket.bucket());
      emulator
          .faults()
          .planNextOperation(AsyncPlan.asyncOperation(1)); // answer 202 first, as ARM may
      System.out.println("Using the Azure NetApp Files emulator at " + emulator.baseUrl());
      TokenCredential anyToken =
          ctx -> Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));
      try (NetAppClient anf =
          NetAppClient.builder()
              .credential(anyToken)
              .options(ClientOptions.builder().endpoint(emulator.baseUrl()).build())
              .build()) {
        System.out.println(generate(anf, bucket));
      }
    }
  }

  /** Generates a key pair for {@code bucket}, valid for 30 days; returns what changed. */
  static String generate(NetAppClient anf, BucketAddress bucket) {
    BucketCredentials creds =
        anf.generateBucketCredentials(r -> r.address(bucket).expiresIn(Duration.ofDays(DAYS)));
    String accessKey = creds.accessKey().reveal();
    return "new key pair for bucket "
        + bucket.bucket()
        + " of volume "
        + bucket.volume()
        + ": access key "
        + accessKey.substring(0, Math.min(4, accessKey.length()))
        + "… ("
        + accessKey.length()
        + " characters), secret key "
        + creds.secretKey()
        + " ("
        + creds.secretKey().length()
        + " characters, not shown), expires "
        + creds.keyPairExpiry()
        + (creds.expiresWithin(Duration.ofDays(7), Instant.now())
            ? " (within 7 days: rotate soon)"
            : "");
  }
}
