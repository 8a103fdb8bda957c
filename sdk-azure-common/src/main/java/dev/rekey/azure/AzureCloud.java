package dev.rekey.azure;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.CredentialUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which Azure cloud a client talks to: its Resource Manager (ARM) endpoint, the token scope for it,
 * the classic Service Management endpoint, and the DNS suffixes of its data planes (Key Vault,
 * Storage, Container Registry). Use {@link #PUBLIC}, {@link #CHINA}, {@link #US_GOVERNMENT}, or
 * {@link #custom(URI)} for Azure Stack Hub (with {@link #withResourceManagerAudience} and {@link
 * #withDnsSuffixes}) or a private endpoint.
 */
public final class AzureCloud {
  /** The global Azure cloud. */
  public static final AzureCloud PUBLIC =
      new AzureCloud(
          "AzureCloud",
          URI.create("https://management.azure.com"),
          URI.create("https://management.core.windows.net"),
          new Suffixes("vault.azure.net", "core.windows.net", "azurecr.io"),
          null);

  /** Azure operated by 21Vianet in China. */
  public static final AzureCloud CHINA =
      new AzureCloud(
          "AzureChinaCloud",
          URI.create("https://management.chinacloudapi.cn"),
          URI.create("https://management.core.chinacloudapi.cn"),
          new Suffixes("vault.azure.cn", "core.chinacloudapi.cn", "azurecr.cn"),
          null);

  /** Azure Government (US). */
  public static final AzureCloud US_GOVERNMENT =
      new AzureCloud(
          "AzureUSGovernment",
          URI.create("https://management.usgovcloudapi.net"),
          URI.create("https://management.core.usgovcloudapi.net"),
          new Suffixes("vault.usgovcloudapi.net", "core.usgovcloudapi.net", "azurecr.us"),
          null);

  private final String name;
  private final URI resourceManagerEndpoint;
  private final URI serviceManagementEndpoint;
  private final Suffixes suffixes;
  private final @Nullable String resourceManagerAudience;

  private record Suffixes(String keyVault, String storage, String containerRegistry) {}

  private AzureCloud(
      String name,
      URI resourceManagerEndpoint,
      URI serviceManagementEndpoint,
      Suffixes suffixes,
      @Nullable String resourceManagerAudience) {
    this.name = name;
    this.resourceManagerEndpoint = resourceManagerEndpoint;
    this.serviceManagementEndpoint = serviceManagementEndpoint;
    this.suffixes = suffixes;
    this.resourceManagerAudience = resourceManagerAudience;
  }

  /**
   * Returns a cloud whose ARM and classic endpoints are both {@code endpoint}.
   *
   * @throws ValidationException if {@code endpoint} is not https (plain http only to a loopback
   *     host, such as an emulator) or carries a user name or password
   */
  public static AzureCloud custom(URI endpoint) {
    return custom(endpoint, endpoint);
  }

  /**
   * Returns a cloud with its own ARM and classic Service Management endpoints; its data-plane DNS
   * suffixes are the public cloud's until {@link #withDnsSuffixes} says otherwise.
   *
   * @throws ValidationException if an endpoint is not https (plain http only to a loopback host,
   *     such as an emulator) or carries a user name or password
   */
  public static AzureCloud custom(URI resourceManagerEndpoint, URI serviceManagementEndpoint) {
    return new AzureCloud(
        "custom",
        checked("resourceManagerEndpoint", resourceManagerEndpoint),
        checked("serviceManagementEndpoint", serviceManagementEndpoint),
        PUBLIC.suffixes,
        null);
  }

  /**
   * Returns a copy of this cloud with other data-plane DNS suffixes, e.g. for Azure Stack.
   *
   * @param keyVault the Key Vault suffix, e.g. {@code vault.azure.net}
   * @param storage the Storage suffix, e.g. {@code core.windows.net}
   * @param containerRegistry the Container Registry suffix, e.g. {@code azurecr.io}
   * @throws ValidationException if a suffix is not a DNS name
   */
  public AzureCloud withDnsSuffixes(String keyVault, String storage, String containerRegistry) {
    return new AzureCloud(
        name,
        resourceManagerEndpoint,
        serviceManagementEndpoint,
        new Suffixes(
            dnsName("keyVault", keyVault, "vault.azure.net"),
            dnsName("storage", storage, "core.windows.net"),
            dnsName("containerRegistry", containerRegistry, "azurecr.io")),
        resourceManagerAudience);
  }

  /**
   * Returns a copy of this cloud whose ARM tokens are for {@code audience} instead of the ARM
   * endpoint: Azure Stack Hub's ARM accepts tokens for the audience its metadata endpoint names
   * ({@code GET {arm}/metadata/endpoints?api-version=2015-01-01}, {@code
   * authentication.audiences}), e.g. {@code https://management.contoso.onmicrosoft.com/3f6d…}.
   *
   * @throws ValidationException if {@code audience} is not an absolute URI
   */
  public AzureCloud withResourceManagerAudience(String audience) {
    Objects.requireNonNull(audience, "audience == null");
    URI uri;
    try {
      uri = new URI(audience.trim());
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
      throw new ValidationException(
          "audience", Check.quote(audience), "must be an absolute URI, e.g. https://management.…");
    }
    return new AzureCloud(
        name, resourceManagerEndpoint, serviceManagementEndpoint, suffixes, audience.trim());
  }

  /** Returns the ARM endpoint, e.g. {@code https://management.azure.com}. */
  public URI resourceManagerEndpoint() {
    return resourceManagerEndpoint;
  }

  /**
   * Returns the token scope for ARM calls: the ARM endpoint (or the audience {@link
   * #withResourceManagerAudience} set) followed by {@code /.default}.
   */
  public String resourceManagerScope() {
    return withoutTrailingSlash(
            resourceManagerAudience != null
                ? resourceManagerAudience
                : resourceManagerEndpoint.toString())
        + "/.default";
  }

  /**
   * Returns the classic Service Management endpoint, e.g. {@code
   * https://management.core.windows.net}.
   */
  public URI serviceManagementEndpoint() {
    return serviceManagementEndpoint;
  }

  /**
   * Returns the token scope for classic Service Management calls: the endpoint, a slash, then
   * {@code /.default} — the double slash is what Microsoft Entra ID expects for this resource.
   */
  public String serviceManagementScope() {
    return withoutTrailingSlash(serviceManagementEndpoint.toString()) + "//.default";
  }

  /**
   * Returns the Key Vault DNS suffix: {@code vault.azure.net}, {@code vault.azure.cn}, {@code
   * vault.usgovcloudapi.net}.
   */
  public String keyVaultDnsSuffix() {
    return suffixes.keyVault();
  }

  /** Returns the token scope for Key Vault calls, e.g. {@code https://vault.azure.net/.default}. */
  public String keyVaultScope() {
    return "https://" + suffixes.keyVault() + "/.default";
  }

  /**
   * Returns the Storage endpoint suffix, e.g. {@code core.windows.net} (blob: {@code
   * {account}.blob.core.windows.net}).
   */
  public String storageEndpointSuffix() {
    return suffixes.storage();
  }

  /**
   * Returns the Container Registry suffix, e.g. {@code azurecr.io} (login server {@code
   * {registry}.azurecr.io}).
   */
  public String containerRegistryDnsSuffix() {
    return suffixes.containerRegistry();
  }

  private static String dnsName(String field, String suffix, String example) {
    Objects.requireNonNull(suffix, field + " == null");
    if (!suffix.matches(
        "[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)+")) {
      throw new ValidationException(
          field,
          Check.quote(suffix),
          "must be a DNS name such as "
              + example
              + ": two or more dot-separated labels of letters, digits and inner '-', with no"
              + " scheme, port or path");
    }
    return suffix;
  }

  private static URI checked(String field, URI uri) {
    CredentialUrls.checked(field, Objects.requireNonNull(uri, field + " == null"));
    return uri;
  }

  private static String withoutTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    return name + "[" + resourceManagerEndpoint + "]";
  }
}
