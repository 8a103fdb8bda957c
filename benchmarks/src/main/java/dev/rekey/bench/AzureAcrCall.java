package dev.rekey.bench;

import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.containerregistry.ContainerRegistryManager;
import com.azure.resourcemanager.containerregistry.fluent.RegistriesClient;
import com.azure.resourcemanager.containerregistry.models.GenerateCredentialsParameters;
import com.azure.resourcemanager.containerregistry.models.TokenPasswordName;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The incumbent: the Azure SDK's {@code RegistriesClient.generateCredentials} with its default
 * pipeline and transport (Netty), a static fake credential and the ARM endpoint set to the stub.
 */
public final class AzureAcrCall implements Call {
  private static final String TOKEN_ID =
      "/subscriptions/"
          + Ids.SUB
          + "/resourceGroups/"
          + Ids.RG
          + "/providers/Microsoft.ContainerRegistry/registries/benchreg/tokens/benchtoken";

  private final RegistriesClient registries;

  /** Builds the manager as a user would, against an environment whose ARM endpoint is the stub. */
  public AzureAcrCall() {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", Call.stubTlsUrl() + "/");
    AzureProfile profile = new AzureProfile(Ids.TENANT, Ids.SUB, new AzureEnvironment(endpoints));
    registries =
        ContainerRegistryManager.authenticate(BenchCredential.create(), profile)
            .serviceClient()
            .getRegistries();
  }

  private static GenerateCredentialsParameters parameters() {
    return new GenerateCredentialsParameters()
        .withTokenId(TOKEN_ID)
        .withName(TokenPasswordName.PASSWORD1);
  }

  @Override
  public Object call() {
    return registries.generateCredentials(Ids.RG, "benchreg", parameters());
  }

  @Override
  public CompletableFuture<?> callAsync() {
    return registries.generateCredentialsAsync(Ids.RG, "benchreg", parameters()).toFuture();
  }

  /**
   * Nothing to release: the Azure SDK's clients are not closeable (Netty's event loops are shared).
   */
  @Override
  public void close() {
    // no close in the Azure SDK
  }
}
