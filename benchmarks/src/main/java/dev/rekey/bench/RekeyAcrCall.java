package dev.rekey.bench;

import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GenerateCredentialsRequest;
import dev.rekey.acr.model.TokenPasswordName;
import java.util.concurrent.CompletableFuture;

/** Rekey's ACR {@code generateCredentials}; the request is built (and validated) on every call. */
public final class RekeyAcrCall implements Call {
  private final AcrClient client =
      AcrClient.builder()
          .subscriptionId(Ids.SUB)
          .credential(BenchCredential.create())
          .options(Ids.options())
          .build();

  static GenerateCredentialsRequest request() {
    return GenerateCredentialsRequest.builder()
        .resourceGroup(Ids.RG)
        .registry("benchreg")
        .token("benchtoken")
        .passwordName(TokenPasswordName.PASSWORD1)
        .build();
  }

  @Override
  public Object call() {
    return client.generateCredentials(request());
  }

  @Override
  public CompletableFuture<?> callAsync() {
    return client.generateCredentialsAsync(request());
  }

  @Override
  public void close() {
    client.close();
  }
}
