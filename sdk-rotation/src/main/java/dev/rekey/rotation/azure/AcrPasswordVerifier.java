package dev.rekey.rotation.azure;

import dev.rekey.azure.AzureCloud;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.ServiceException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.auth.Authentication;
import dev.rekey.core.internal.http.ApiRequest;
import dev.rekey.core.internal.http.HttpPipeline;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.CredentialUrls;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.VerificationFailedException;
import dev.rekey.rotation.Verifier;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Proves a registry token's password against the registry: a {@code GET /oauth2/token?service=
 * {registry}.azurecr.io[&scope=...]} with HTTP basic authentication as the token, as {@code docker
 * login} does. A 401 (the password is not one of the token's current ones, or it expired) becomes a
 * {@link VerificationFailedException} naming the slot. Neither the password nor the access token
 * the registry issues appears in a message or log. Thread-safe; {@link #close()} releases its
 * connections.
 */
public final class AcrPasswordVerifier implements Verifier, AutoCloseable {
  private static final Pattern REGISTRY = Pattern.compile("^[a-zA-Z0-9]{5,50}$");

  /** ACR's token name rule; a colon would also split the basic credentials (RFC 7617). */
  private static final Pattern TOKEN_NAME = Pattern.compile("^[a-zA-Z0-9-]{5,50}$");

  private final HttpPipeline pipeline;
  private final String tokenName;
  private final HttpUrl tokenUrl;

  private AcrPasswordVerifier(HttpPipeline pipeline, String tokenName, HttpUrl tokenUrl) {
    this.pipeline = pipeline;
    this.tokenName = tokenName;
    this.tokenUrl = tokenUrl;
  }

  /** Returns a builder; the registry and token names are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns normally when the registry issues an access token for the password in {@code
   * credential}.
   *
   * @throws VerificationFailedException if the registry refused the password (401); a 403 (network
   *     rules, scope) says nothing about the password and stays a {@link ServiceException}
   * @throws dev.rekey.core.RekeyException if the registry could not be asked (the answer is
   *     unknown)
   */
  @Override
  public void verify(RotationContext context, Credential credential) {
    HttpPipeline asToken =
        pipeline.withAuthentication(Authentication.basic(tokenName, credential.value()));
    try {
      asToken.send(
          ApiRequest.get(tokenUrl)
              .operationName("ACR verify password of token " + tokenName)
              .build());
    } catch (ServiceException e) {
      if (e.statusCode() == 401) {
        throw new VerificationFailedException(
            context.targetId(), credential.slot(), e.getMessage(), e);
      }
      throw e;
    }
  }

  /** Releases the pipeline's connections and threads. */
  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "AcrPasswordVerifier[" + tokenName + "@" + tokenUrl.queryParameter("service") + "]";
  }

  /** Builds an {@link AcrPasswordVerifier}. */
  public static final class Builder {
    private @Nullable String registry;
    private @Nullable String tokenName;
    private @Nullable String scope;
    private @Nullable URI endpoint;
    private AzureCloud cloud = AzureCloud.PUBLIC;
    private @Nullable ClientOptions options; // null: the defaults, read at build()

    private Builder() {}

    /**
     * Sets the registry name (5-50 letters and digits); its login server is {@code
     * {registry}.{cloud's suffix}}.
     */
    public Builder registry(String registry) {
      this.registry = registry;
      return this;
    }

    /** Sets the token whose passwords are verified (the registry user name). */
    public Builder tokenName(String tokenName) {
      this.tokenName = tokenName;
      return this;
    }

    /**
     * Sets the scope asked for, e.g. {@code repository:app:pull}; none by default (authentication
     * only).
     */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /**
     * Sets the registry endpoint; by default {@code https://{registry}.{cloud's registry suffix}}.
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
      return this;
    }

    /** Sets the cloud whose registry suffix makes the login server; public by default. */
    public Builder cloud(AzureCloud cloud) {
      this.cloud = Objects.requireNonNull(cloud, "cloud == null");
      return this;
    }

    /** Sets transport options (timeouts, retries, proxy, logging). */
    public Builder options(ClientOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /**
     * Returns the verifier.
     *
     * @throws ValidationException if the registry or token name is missing or invalid, or the
     *     endpoint is not https (plain http only to a loopback host)
     */
    public AcrPasswordVerifier build() {
      String name =
          Check.matches("registry", registry, REGISTRY, "must be 5-50 letters and digits");
      String token =
          Check.matches(
              "tokenName", tokenName, TOKEN_NAME, "must be 5-50 letters, digits and hyphens");
      String loginServer = name.toLowerCase(Locale.ROOT) + "." + cloud.containerRegistryDnsSuffix();
      HttpUrl base =
          endpoint == null
              ? HttpUrl.get("https://" + loginServer + "/")
              : CredentialUrls.checked("endpoint", endpoint);
      HttpUrl.Builder url =
          base.newBuilder()
              .encodedPath("/oauth2/token")
              .query(null)
              .addQueryParameter("service", loginServer);
      if (scope != null) {
        url.addQueryParameter("scope", scope);
      }
      HttpPipeline pipeline =
          HttpPipeline.builder(options != null ? options : ClientOptions.defaults())
              .module("sdk-rotation")
              .build();
      return new AcrPasswordVerifier(pipeline, token, url.build());
    }
  }
}
