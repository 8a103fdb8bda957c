package dev.rekey.netapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ClientOptions;
import dev.rekey.core.OperationFailedException;
import dev.rekey.core.OutcomeUnknownException;
import dev.rekey.core.Secret;
import dev.rekey.core.poll.Operation;
import dev.rekey.core.test.FakeTime;
import dev.rekey.netapp.model.BucketCredentials;
import dev.rekey.netapp.model.BucketCredentialsRequest;
import dev.rekey.testkit.AsyncPlan;
import dev.rekey.testkit.NetAppBucket;
import dev.rekey.testkit.NetAppEmulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NetAppClientEmulatorTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000002";
  private static final String POSTS = ".+/generateCredentials";
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  private final NetAppEmulator anf = new NetAppEmulator();
  private NetAppBucket bucket;
  private NetAppClient client;

  @BeforeEach
  void start() {
    anf.start();
    anf.clock(Clock.fixed(NOW, ZoneOffset.UTC));
    bucket = anf.addBucket(SUB, "myRG", "account1", "pool1", "volume1", "bucket1");
    client =
        NetAppClient.builder()
            .credential(new TestCredentials())
            .options(
                ClientOptions.builder()
                    .endpoint(anf.baseUrl())
                    .timeSource(new FakeTime())
                    .readTimeout(Duration.ofSeconds(5))
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    anf.close();
  }

  private static BucketCredentialsRequest request(int days) {
    return BucketCredentialsRequest.builder()
        .address(
            a ->
                a.subscriptionId(SUB)
                    .resourceGroup("myRG")
                    .account("account1")
                    .pool("pool1")
                    .volume("volume1")
                    .bucket("bucket1"))
        .keyPairExpiryDays(days)
        .build();
  }

  private long posts() {
    return anf.count("POST", POSTS);
  }

  @Test
  void everyCallGeneratesAFreshPairExpiringDaysFromTheServiceClock() {
    BucketCredentials first = client.generateBucketCredentials(request(3));
    assertThat(first.keyPairExpiry()).isEqualTo(NOW.plus(Duration.ofDays(3)));
    assertThat(first.accessKey()).isEqualTo(bucket.accessKey().orElseThrow());
    BucketCredentials second = client.generateBucketCredentials(request(30));
    assertThat(second.secretKey())
        .isNotEqualTo(first.secretKey())
        .isEqualTo(bucket.secretKey().orElseThrow());
    assertThat(second.accessKey()).isNotEqualTo(first.accessKey());
    assertThat(second.expiresWithin(Duration.ofDays(29), NOW)).isFalse();
    assertThat(second.expiresWithin(Duration.ofDays(30), NOW)).isTrue();
    assertThat(bucket.generations()).isEqualTo(2);
  }

  @Test
  void aResourceGroupOfNonAsciiLettersReachesItsBucket() {
    // ARM allows Unicode letters in resource group names; the URL carries them percent-encoded
    NetAppBucket munich =
        anf.addBucket(SUB, "rg-München", "account1", "pool1", "volume1", "bucket2");
    BucketCredentials creds =
        client.generateBucketCredentials(
            BucketCredentialsRequest.builder()
                .address(
                    a ->
                        a.subscriptionId(SUB)
                            .resourceGroup("rg-München")
                            .account("account1")
                            .pool("pool1")
                            .volume("volume1")
                            .bucket("bucket2"))
                .keyPairExpiryDays(1)
                .build());
    assertThat(creds.secretKey()).isEqualTo(munich.secretKey().orElseThrow());
    assertThat(anf.requests().get(0).getUrl().encodedPath())
        .contains("/resourceGroups/rg-M%C3%BCnchen/");
  }

  @Test
  void acceptedCallIsPolledThroughLocationToTheGeneratedPair() {
    anf.faults().planNextOperation(AsyncPlan.location(2));
    Operation<BucketCredentials> op = client.beginGenerateBucketCredentials(request(7));
    assertThat(op.id()).isNotBlank();
    assertThat(bucket.generations()).isZero();
    BucketCredentials creds = op.waitForCompletion();
    assertThat(creds.secretKey()).isEqualTo(bucket.secretKey().orElseThrow());
    assertThat(creds.keyPairExpiry()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(bucket.generations()).isEqualTo(1);
    assertThat(posts()).isEqualTo(1);
  }

  @Test
  void operationIdIsReadableAtOnceAndPollLooksWithoutWaiting() {
    anf.faults().planNextOperation(AsyncPlan.asyncOperation(1));
    Operation<BucketCredentials> op = client.beginGenerateBucketCredentials(request(1));
    assertThat(op.id()).contains("/rekey-emulator/operations/");
    assertThat(op.poll()).isEmpty();
    assertThat(op.lastStatus()).isEqualTo("InProgress");
    assertThat(op.poll())
        .hasValueSatisfying(
            c -> assertThat(c.secretKey()).isEqualTo(bucket.secretKey().orElseThrow()));
    assertThat(op.toFuture().join().secretKey()).isEqualTo(bucket.secretKey().orElseThrow());
    assertThat(bucket.generations()).isEqualTo(1);
  }

  @Test
  void concurrentCallsOnOneClientEachGetTheirOwnPair() {
    List<CompletableFuture<BucketCredentials>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      calls.add(client.generateBucketCredentialsAsync(request(1 + i)));
    }
    Set<Secret> secrets = new HashSet<>();
    calls.forEach(c -> secrets.add(c.join().secretKey()));
    assertThat(secrets).hasSize(8);
    assertThat(bucket.generations()).isEqualTo(8);
    assertThat(posts()).isEqualTo(8);
  }

  @Test
  void acceptedCallIsPolledThroughAzureAsyncOperationSyncAndAsync() throws Exception {
    anf.faults().planNextOperation(AsyncPlan.asyncOperation(1));
    assertThat(client.generateBucketCredentials(request(1)).secretKey())
        .isEqualTo(bucket.secretKey().orElseThrow());
    anf.faults().planNextOperation(AsyncPlan.asyncOperation(2));
    BucketCredentials async = client.generateBucketCredentialsAsync(request(2)).get();
    assertThat(async.secretKey()).isEqualTo(bucket.secretKey().orElseThrow());
    assertThat(bucket.generations()).isEqualTo(2);
  }

  @Test
  void acceptedCallThatFailsEndsInOperationFailedWithNothingGenerated() {
    anf.faults().planNextOperation(AsyncPlan.asyncOperation(1).endingAs(AsyncPlan.Outcome.FAILED));
    assertThatThrownBy(() -> client.generateBucketCredentials(request(1)))
        .isInstanceOf(OperationFailedException.class)
        .hasMessageContaining("OperationFailed");
    assertThat(bucket.generations()).isZero();
  }

  @Test
  void throttledCallIsSentAgainAfterRetryAfterExactlyOnce() {
    anf.faults().matching("POST", POSTS).throttle(1, Duration.ofSeconds(1));
    BucketCredentials creds = client.generateBucketCredentials(request(1));
    assertThat(creds.secretKey()).isEqualTo(bucket.secretKey().orElseThrow());
    assertThat(posts()).isEqualTo(2);
    assertThat(bucket.generations()).isEqualTo(1);
  }

  @Test
  void lostAnswerIsOutcomeUnknownAndNeverSentTwice() {
    anf.faults().matching("POST", POSTS).dropAfterProcessing(1);
    assertThatThrownBy(() -> client.generateBucketCredentials(request(1)))
        .isInstanceOfSatisfying(
            OutcomeUnknownException.class, e -> assertThat(e.attempts()).isEqualTo(1));
    assertThat(posts()).isEqualTo(1);
    assertThat(bucket.generations()).isEqualTo(1);
  }

  @Test
  void lostAnswerIsOutcomeUnknownInTheAsyncFormToo() {
    anf.faults().matching("POST", POSTS).dropAfterProcessing(1);
    assertThatThrownBy(() -> client.generateBucketCredentialsAsync(request(1)).get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(OutcomeUnknownException.class);
    assertThat(posts()).isEqualTo(1);
    assertThat(bucket.generations()).isEqualTo(1);
  }

  @Test
  void unknownBucketAndRefusedTokenAreTypedServiceErrors() {
    assertThatThrownBy(
            () ->
                client.generateBucketCredentials(
                    r ->
                        r.bucketId(
                                "/subscriptions/"
                                    + SUB
                                    + "/resourceGroups/myRG/providers/Microsoft.NetApp/netAppAccounts/account1"
                                    + "/capacityPools/pool1/volumes/volume1/buckets/other")
                            .keyPairExpiryDays(1)))
        .isInstanceOfSatisfying(
            NetAppServiceException.class,
            e -> {
              assertThat(e.isResourceNotFound()).isTrue();
              assertThat(e.errorCode()).contains("ResourceNotFound");
              assertThat(e.requestId()).isPresent();
            });
    anf.requireToken("another-token");
    assertThatThrownBy(() -> client.generateBucketCredentials(request(1)))
        .isInstanceOfSatisfying(
            NetAppServiceException.class,
            e -> {
              assertThat(e.isAuthenticationFailure()).isTrue();
              assertThat(e.errorCode()).contains("InvalidAuthenticationToken");
            });
    assertThat(bucket.generations()).isZero();
  }
}
