package dev.rekey.rotation.azure.internal;

import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.AzureCloud;
import dev.rekey.azure.internal.ArmErrorDecoder;
import dev.rekey.azure.internal.AzureTokenSource;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ServiceException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.ApiResponse;
import dev.rekey.core.internal.http.HttpPipeline;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Key Vault's secrets API through Rekey's pipeline: bearer tokens for the cloud's vault scope,
 * Azure request ids, retries, the redacting logger (bodies of these calls are never logged), and
 * Key Vault's {@code {"error":{...}}} bodies read into {@link ServiceException}.
 */
public final class KeyVaultSecrets implements AutoCloseable {
  /** The Key Vault API version spoken. */
  public static final String API_VERSION = "7.5";

  private final HttpPipeline pipeline;
  private final HttpUrl vault;

  /**
   * Talks to the vault at {@code vault} with tokens from {@code credential} for {@code cloud}'s
   * vault scope.
   */
  public KeyVaultSecrets(
      ClientOptions options, TokenCredential credential, AzureCloud cloud, HttpUrl vault) {
    this.pipeline =
        HttpPipeline.builder(options)
            .module("sdk-rotation")
            .authentication(
                Authentication.bearer(new AzureTokenSource(credential, cloud.keyVaultScope())))
            .errorDecoder(new ArmErrorDecoder())
            .azureRequestIds(true)
            .build();
    this.vault = vault;
  }

  /**
   * Writes a new version of secret {@code name}; sending it twice only makes a second identical
   * version, so the pipeline may retry it.
   *
   * @throws ServiceException if Key Vault refused it
   * @throws RekeyException if the answer could not be read
   */
  public SecretBundle set(String name, SecretBundle bundle) {
    ApiRequest request =
        ApiRequest.put(url(name, null), SecretBundleJson.setSecret(bundle), "application/json")
            .repeatability(ApiRequest.Repeatability.REPEATABLE)
            .operationName("Key Vault set secret " + name)
            .build();
    return decode(pipeline.send(request), name);
  }

  /**
   * Reads version {@code version} of secret {@code name}, or its latest version when null; empty
   * when Key Vault answers 404 {@code SecretNotFound} (any other 404 — a wrong path, a proxy — says
   * nothing about the secret, and reading it as "nothing published" would regenerate a slot in
   * use).
   *
   * @throws ServiceException if Key Vault refused it otherwise
   * @throws RekeyException if the answer could not be read
   */
  public Optional<SecretBundle> get(String name, @Nullable String version) {
    ApiRequest request =
        ApiRequest.get(url(name, version)).operationName("Key Vault get secret " + name).build();
    try {
      return Optional.of(decode(pipeline.send(request), name));
    } catch (ServiceException e) {
      if (e.isNotFound() && e.errorCode().filter("SecretNotFound"::equalsIgnoreCase).isPresent()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Returns the URL of secret {@code name}'s version ({@code null}: latest), api-version included.
   */
  private HttpUrl url(String name, @Nullable String version) {
    HttpUrl.Builder b = vault.newBuilder().addPathSegment("secrets").addPathSegment(name);
    if (version != null) {
      b.addPathSegment(version);
    }
    return b.addQueryParameter("api-version", API_VERSION).build();
  }

  private static SecretBundle decode(ApiResponse response, String name) {
    try {
      return SecretBundleJson.read(response.body());
    } catch (IllegalArgumentException e) {
      throw new RekeyException(
          "Key Vault answered secret " + name + " with an unreadable body: " + e.getMessage());
    }
  }

  /** Releases the pipeline's connections and threads. */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "KeyVaultSecrets[" + vault + "]";
  }
}
