package dev.rekey.examples;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.rekey.acr.AcrClient;
import dev.rekey.acr.model.GeneratedCredentials;
import dev.rekey.acr.model.TokenPassword;
import dev.rekey.acr.model.TokenPasswordName;
import dev.rekey.core.ClientOptions;
import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.AsyncPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * Generates a new {@code password1} for an Azure Container Registry token, valid for 30 days, and
 * prints the user name, the password names and their expiries — never a password.
 *
 * <p>By default it runs against the embedded {@link AcrEmulator} (which answers 202 first, so the
 * call polls). To use a real registry set {@code AZURE_SUBSCRIPTION_ID}, {@code
 * ACR_RESOURCE_GROUP}, {@code ACR_REGISTRY} and {@code ACR_TOKEN}; credentials then come from
 * {@code DefaultAzureCredential} (e.g. {@code AZURE_CLIENT_ID}/{@code AZURE_TENANT_ID}/{@code
 * AZURE_CLIENT_SECRET}, or an Azure CLI login). Beware: against a real registry this really
 * replaces the token's password1.
 */
public final class AcrGenerateCredentials {
  private AcrGenerateCredentials() {}

  /** Runs the example. */
  public static void main(String[] args) {
    RealTargets real = RealTargets.fromEnvironment();
    if (real.configured("acr")) {
      System.out.println("Using Azure subscription " + real.required("AZURE_SUBSCRIPTION_ID"));
      try (AcrClient acr = real.acr()) {
        System.out.println(generate(acr, real));
      }
      return;
    }
    String sub = "00000000-0000-0000-0000-000000000000";
    try (AcrEmulator emulator = new AcrEmulator()) {
      emulator.start();
      emulator.addToken(sub, "myResourceGroup", "myRegistry", "myToken");
      emulator
          .faults()
          .planNextOperation(AsyncPlan.location(1)); // answer 202 first, like a busy registry
      System.out.println("Using the ACR emulator at " + emulator.baseUrl());
      TokenCredential anyToken =
          ctx -> Mono.just(new AccessToken("emulator-token", OffsetDateTime.now().plusHours(1)));
      try (AcrClient acr =
          AcrClient.builder()
              .credential(anyToken)
              .subscriptionId(sub)
              .options(ClientOptions.builder().endpoint(emulator.baseUrl()).build())
              .build()) {
        System.out.println(generate(acr, "myResourceGroup", "myRegistry", "myToken"));
      }
    }
  }

  /** Generates password1 of the token {@code real} names; returns what changed. */
  static String generate(AcrClient acr, RealTargets real) {
    return generate(
        acr,
        real.required("ACR_RESOURCE_GROUP"),
        real.required("ACR_REGISTRY"),
        real.required("ACR_TOKEN"));
  }

  private static String generate(
      AcrClient acr, String resourceGroup, String registry, String token) {
    Instant expiry = Instant.now().plus(Duration.ofDays(30));
    GeneratedCredentials creds =
        acr.generateCredentials(
            r ->
                r.resourceGroup(resourceGroup)
                    .registry(registry)
                    .token(token)
                    .passwordName(TokenPasswordName.PASSWORD1)
                    .expiry(expiry));
    StringBuilder changed =
        new StringBuilder(
            "new credentials for user " + creds.username() + " of registry " + registry);
    for (TokenPassword p : creds.passwords()) {
      changed
          .append("; ")
          .append(p.name().wireName())
          .append(" (new) expires ")
          .append(p.expiry().map(Instant::toString).orElse("never"))
          .append(", ")
          .append(p.value().length())
          .append(" characters (value not shown)");
    }
    return changed.toString();
  }
}
