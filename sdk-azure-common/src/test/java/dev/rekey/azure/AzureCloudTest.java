package dev.rekey.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AzureCloudTest {
  @Test
  void knownCloudsHaveTheirEndpointsAndScopes() {
    assertThat(AzureCloud.PUBLIC.resourceManagerScope())
        .isEqualTo("https://management.azure.com/.default");
    assertThat(AzureCloud.PUBLIC.serviceManagementScope())
        .isEqualTo("https://management.core.windows.net//.default");
    assertThat(AzureCloud.CHINA.resourceManagerEndpoint())
        .isEqualTo(URI.create("https://management.chinacloudapi.cn"));
    assertThat(AzureCloud.US_GOVERNMENT.resourceManagerScope())
        .isEqualTo("https://management.usgovcloudapi.net/.default");
  }

  @Test
  void eachCloudHasItsDataPlaneSuffixesAndVaultScope() {
    assertThat(AzureCloud.PUBLIC.keyVaultScope()).isEqualTo("https://vault.azure.net/.default");
    assertThat(AzureCloud.CHINA.keyVaultDnsSuffix()).isEqualTo("vault.azure.cn");
    assertThat(AzureCloud.US_GOVERNMENT.keyVaultScope())
        .isEqualTo("https://vault.usgovcloudapi.net/.default");
    assertThat(AzureCloud.CHINA.storageEndpointSuffix()).isEqualTo("core.chinacloudapi.cn");
    assertThat(AzureCloud.US_GOVERNMENT.containerRegistryDnsSuffix()).isEqualTo("azurecr.us");
    AzureCloud stack = AzureCloud.custom(URI.create("https://arm.contoso.local"));
    assertThat(stack.keyVaultDnsSuffix()).isEqualTo("vault.azure.net");
    AzureCloud own =
        stack.withDnsSuffixes("vault.contoso.local", "contoso.local", "cr.contoso.local");
    assertThat(own.keyVaultScope()).isEqualTo("https://vault.contoso.local/.default");
    assertThat(own.resourceManagerEndpoint()).isEqualTo(stack.resourceManagerEndpoint());
    assertThatThrownBy(() -> stack.withDnsSuffixes("https://vault", "a.b", "c.d"))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("keyVault \"https://vault\" must be a DNS name");
  }

  @Test
  void aBadDnsSuffixIsQuotedEscapedAndItsRuleSpelledOut() {
    AzureCloud stack = AzureCloud.custom(URI.create("https://arm.contoso.local"));
    assertThatThrownBy(
            () -> stack.withDnsSuffixes("vault.contoso.local", "core\"contoso\n.local", "cr.local"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "storage \"core\\\"contoso\\n.local\" must be a DNS name such as core.windows.net:"
                + " two or more dot-separated labels of letters, digits and inner '-', with no"
                + " scheme, port or path");
  }

  @Test
  void anAudienceReplacesTheEndpointInTheArmScopeOnly() {
    AzureCloud stack =
        AzureCloud.custom(URI.create("https://management.local.azurestack.external"))
            .withResourceManagerAudience("https://management.contoso.onmicrosoft.com/abc/");
    assertThat(stack.resourceManagerScope())
        .isEqualTo("https://management.contoso.onmicrosoft.com/abc/.default");
    assertThat(stack.resourceManagerEndpoint())
        .isEqualTo(URI.create("https://management.local.azurestack.external"));
    assertThat(
            stack
                .withDnsSuffixes(
                    "vault.local.azurestack.external",
                    "local.azurestack.external",
                    "cr.local.azurestack.external")
                .resourceManagerScope())
        .isEqualTo(stack.resourceManagerScope());
    assertThatThrownBy(() -> stack.withResourceManagerAudience("not a uri"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("audience"));
  }

  @Test
  void customCloudDropsTrailingSlashInScope() {
    AzureCloud cloud = AzureCloud.custom(URI.create("https://arm.contoso.local/"));
    assertThat(cloud.resourceManagerScope()).isEqualTo("https://arm.contoso.local/.default");
    assertThat(cloud.serviceManagementEndpoint())
        .isEqualTo(URI.create("https://arm.contoso.local/"));
  }

  @Test
  void customCloudRejectsEndpointsATokenMayNotGoTo() {
    assertThatThrownBy(() -> AzureCloud.custom(URI.create("ftp://x")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "resourceManagerEndpoint \"ftp://x\" must be an https URL (plain http only to a"
                + " loopback host, such as an emulator), without a user name or password");
    assertThatThrownBy(() -> AzureCloud.custom(URI.create("/relative")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> AzureCloud.custom(URI.create("http://arm.contoso.local")))
        .isInstanceOf(ValidationException.class);
    assertThat(AzureCloud.custom(URI.create("http://127.0.0.1:8080")).resourceManagerScope())
        .isEqualTo("http://127.0.0.1:8080/.default");
  }
}
