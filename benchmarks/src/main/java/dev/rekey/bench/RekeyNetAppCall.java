package dev.rekey.bench;

import dev.rekey.netapp.NetAppClient;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.netapp.model.BucketCredentialsRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Rekey's ANF bucket {@code generateCredentials}; the request is built on every call. */
public final class RekeyNetAppCall implements Call {
  private final NetAppClient client =
      NetAppClient.builder().credential(BenchCredential.create()).options(Ids.options()).build();

  static BucketCredentialsRequest request() {
    BucketAddress address =
        BucketAddress.builder()
            .subscriptionId(Ids.SUB)
            .resourceGroup(Ids.RG)
            .account("benchaccount")
            .pool("pool1")
            .volume("volume1")
            .bucket("bucket1")
            .build();
    return BucketCredentialsRequest.builder()
        .address(address)
        .expiresIn(Duration.ofDays(30))
        .build();
  }

  @Override
  public Object call() {
    return client.generateBucketCredentials(request());
  }

  @Override
  public CompletableFuture<?> callAsync() {
    return client.generateBucketCredentialsAsync(request());
  }

  @Override
  public void close() {
    client.close();
  }
}
