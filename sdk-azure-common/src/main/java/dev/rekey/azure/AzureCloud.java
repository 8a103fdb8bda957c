package dev.rekey.azure;

import dev.rekey.core.ValidationException;
import java.net.URI;
import java.util.Objects;

/**
 * Which Azure cloud a client talks to: its Resource Manager (ARM) endpoint, the token scope for it,
 * and the classic Service Management endpoint. Use {@link #PUBLIC}, {@link #CHINA}, {@link
 * #US_GOVERNMENT}, or {@link #custom(URI)} for Azure Stack or a private endpoint.
 */
public final class AzureCloud {
  /** The global Azure cloud. */
  public static final AzureCloud PUBLIC =
      new AzureCloud(
          "AzureCloud",
          URI.create("https://management.azure.com"),
          URI.create("https://management.core.windows.net"));

  /** Azure operated by 21Vianet in China. */
  public static final AzureCloud CHINA =
      new AzureCloud(
          "AzureChinaCloud",
          URI.create("https://management.chinacloudapi.cn"),
          URI.create("https://management.core.chinacloudapi.cn"));

  /** Azure Government (US). */
  public static final AzureCloud US_GOVERNMENT =
      new AzureCloud(
          "AzureUSGovernment",
          URI.create("https://management.usgovcloudapi.net"),
          URI.create("https://management.core.usgovcloudapi.net"));

  private final String name;
  private final URI resourceManagerEndpoint;
  private final URI serviceManagementEndpoint;

  private AzureCloud(String name, URI resourceManagerEndpoint, URI serviceManagementEndpoint) {
    this.name = name;
    this.resourceManagerEndpoint = resourceManagerEndpoint;
    this.serviceManagementEndpoint = serviceManagementEndpoint;
  }

  /**
   * Returns a cloud whose ARM and classic endpoints are both {@code endpoint}.
   *
   * @throws ValidationException if {@code endpoint} is not an absolute http(s) URI
   */
  public static AzureCloud custom(URI endpoint) {
    return custom(endpoint, endpoint);
  }

  /**
   * Returns a cloud with its own ARM and classic Service Management endpoints.
   *
   * @throws ValidationException if an endpoint is not an absolute http(s) URI
   */
  public static AzureCloud custom(URI resourceManagerEndpoint, URI serviceManagementEndpoint) {
    return new AzureCloud(
        "custom", checked("resourceManagerEndpoint", resourceManagerEndpoint),
        checked("serviceManagementEndpoint", serviceManagementEndpoint));
  }

  /** Returns the ARM endpoint, e.g. {@code https://management.azure.com}. */
  public URI resourceManagerEndpoint() {
    return resourceManagerEndpoint;
  }

  /** Returns the token scope for ARM calls: the ARM endpoint followed by {@code /.default}. */
  public String resourceManagerScope() {
    return withoutTrailingSlash(resourceManagerEndpoint) + "/.default";
  }

  /** Returns the classic Service Management endpoint, e.g. {@code https://management.core.windows.net}. */
  public URI serviceManagementEndpoint() {
    return serviceManagementEndpoint;
  }

  /**
   * Returns the token scope for classic Service Management calls: the endpoint, a slash, then {@code
   * /.default} — the double slash is what Microsoft Entra ID expects for this resource.
   */
  public String serviceManagementScope() {
    return withoutTrailingSlash(serviceManagementEndpoint) + "//.default";
  }

  private static URI checked(String field, URI uri) {
    Objects.requireNonNull(uri, field + " == null");
    if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
      throw new ValidationException(field, '"' + uri.toString() + '"', "must be an absolute http or https URI");
    }
    return uri;
  }

  private static String withoutTrailingSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public String toString() {
    return name + "[" + resourceManagerEndpoint + "]";
  }
}
