package dev.rekey.azure.internal;

import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.AzureCloud;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ServiceError;
import dev.rekey.core.ServiceException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.http.HttpPipeline;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * Builds the pipeline every Azure Resource Manager client uses: bearer tokens for the cloud's ARM
 * scope from any {@link TokenCredential}, Azure client request ids, and ARM error bodies read into
 * the module's own {@link ServiceException} type.
 */
public final class ArmPipelines {
  private ArmPipelines() {}

  /**
   * Returns a pipeline for ARM calls.
   *
   * @param options transport options; {@code endpoint()} overrides the cloud's ARM endpoint
   * @param credential where tokens come from (DefaultAzureCredential, a managed identity, ...)
   * @param cloud which cloud's ARM scope to ask tokens for
   * @param module the module name for the user agent, e.g. {@code sdk-acr}
   * @param exceptions makes the module's exception from a decoded error
   */
  public static HttpPipeline create(
      ClientOptions options,
      TokenCredential credential,
      AzureCloud cloud,
      String module,
      Function<ServiceError, ? extends ServiceException> exceptions) {
    Objects.requireNonNull(credential, "credential == null");
    return HttpPipeline.builder(options)
        .module(module)
        .authentication(
            Authentication.bearer(new AzureTokenSource(credential, cloud.resourceManagerScope())))
        .errorDecoder(new ArmErrorDecoder())
        .exceptionFactory(exceptions)
        .azureRequestIds(true)
        .build();
  }

  /**
   * Returns the ARM base URL: {@code options.endpoint()} when set, else the cloud's ARM endpoint.
   */
  public static HttpUrl endpoint(ClientOptions options, AzureCloud cloud) {
    return HttpUrl.get(options.endpoint().orElse(cloud.resourceManagerEndpoint()));
  }
}
