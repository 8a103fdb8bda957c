package dev.rekey.examples;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPassword;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AsyncPlan;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * Generates a new {@code password1} for an Azure Container Registry token, valid for 30 days, and
 * prints the user name, the password names and their expiries — never a password.
 *
 * <p>By default it runs against the embedded {@link AcrEmulator} (which answers 202 first, so the
 * call polls). To use a real registry set {@code AZURE_SUBSCRIPTION_ID}, {@code ACR_RESOURCE_GROUP},
 * {@code ACR_REGISTRY} and {@code ACR_TOKEN}; credentials then come from {@code
 * DefaultAzureCredential} (e.g. {@code AZURE_CLIENT_ID}/{@code AZURE_TENANT_ID}/{@code
 * AZURE_CLIENT_SECRET}, or an Azure CLI login). Beware: against a real registry this really
 * replaces the token's password1.
 */
public final class AcrGenerateCredentials {
  private AcrGenerateCredentials() {}

  /** Runs the example. */
  public static void main(String[] args) {
    String subscriptionId = System.getenv("AZURE_SUBSCRIPTION_ID");
    String resourceGroup = System.getenv("ACR_RESOURCE_GROUP");
    String registry = System.getenv("ACR_REGISTRY");
    String token = System.getenv("ACR_TOKEN");
    if (subscriptionId != null && resourceGroup != null && registry != null && token != null) {
      System.out.println("Using Azure subscription " + subscriptionId);
      try (AcrClient acr = AcrClient.builder()
          .credential(new DefaultAzureCredentialBuilder().build())
          .subscriptionId(subscriptionId)
          .build()) {
        generate(acr, resourceGroup, registry, token);
      }
      return;
    }
    String sub = "00000000-0000-0000-0000-000000000000";
    try (AcrEmulator emulator = new AcrEmulator()) {
      emulator.start();
      emulator.addToken(sub, "myResourceGroup", "myRegistry", "myToken");
      emulator.faults().planNextOperation(AsyncPlan.location(1)); // answer 202 first, like a busy registry
      System.out.println("Using the ACR emulator at " + emulator.baseUrl());
      TokenCredential anyToken = ctx -> Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));
      try (AcrClient acr = AcrClient.builder()
          .credential(anyToken)
          .subscriptionId(sub)
          .options(ClientOptions.builder().endpoint(URI.create(emulator.baseUrl().toString())).build())
          .build()) {
        generate(acr, "myResourceGroup", "myRegistry", "myToken");
      }
    }
  }

  private static void generate(AcrClient acr, String resourceGroup, String registry, String token) {
    Instant expiry = Instant.now().plus(Duration.ofDays(30));
    GeneratedCredentials creds = acr.generateCredentials(r -> r
        .resourceGroup(resourceGroup)
        .registry(registry)
        .token(token)
        .passwordName(TokenPasswordName.PASSWORD1)
        .expiry(expiry));
    System.out.println("Generated credentials for user " + creds.username() + " of registry " + registry + ":");
    for (TokenPassword p : creds.passwords()) {
      System.out.println("  " + p.name().wireName() + " (new), expires "
          + p.expiry().map(Instant::toString).orElse("never")
          + ", " + p.value().length() + " characters (value not shown)");
    }
  }
}
