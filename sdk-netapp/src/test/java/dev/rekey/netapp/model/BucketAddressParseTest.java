package dev.rekey.netapp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketAddressParseTest {
  static final String ID =
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myRG/providers/Microsoft.NetApp"
          + "/netAppAccounts/account1/capacityPools/pool1/volumes/volume1/buckets/bucket1";

  @Test
  void readsEveryPartOfAFullResourceIdAndWritesItBack() {
    BucketAddress a = BucketAddress.parse(ID);
    assertThat(a.subscriptionId()).isEqualTo("00000000-0000-0000-0000-000000000000");
    assertThat(a.resourceGroup()).isEqualTo("myRG");
    assertThat(a.account()).isEqualTo("account1");
    assertThat(a.pool()).isEqualTo("pool1");
    assertThat(a.volume()).isEqualTo("volume1");
    assertThat(a.bucket()).isEqualTo("bucket1");
    assertThat(a.toResourceId()).isEqualTo(ID);
  }

  @Test
  void comparesFixedSegmentsCaseInsensitivelyAndAllowsATrailingSlash() {
    String shouted =
        ID.replace("resourceGroups", "RESOURCEGROUPS")
            .replace("Microsoft.NetApp", "microsoft.netapp");
    assertThat(BucketAddress.parse(shouted + "/")).isEqualTo(BucketAddress.parse(ID));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "bucket1",
        "subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myRG/providers/Microsoft.NetApp/netAppAccounts/account1/capacityPools/pool1/volumes/volume1/buckets/bucket1",
        "https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myRG/providers/Microsoft.NetApp/netAppAccounts/account1/capacityPools/pool1/volumes/volume1/buckets/bucket1",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myRG/providers/Microsoft.NetApp/netAppAccounts/account1/capacityPools/pool1/volumes/volume1",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myRG/providers/Microsoft.NetApp/netAppAccounts/account1/capacityPools/pool1/volumes/volume1/buckets/bucket1/generateCredentials",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myRG/providers/Microsoft.NetApp/netAppAccounts/account1/pools/pool1/volumes/volume1/buckets/bucket1",
      })
  void refusesIdsOfTheWrongShapeShowingTheExpectedForm(String id) {
    assertThatThrownBy(() -> BucketAddress.parse(id))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("bucketId");
              assertThat(e.rule())
                  .startsWith(
                      "must be an ARM resource id of the form /subscriptions/{subscriptionId}/");
            });
  }

  @Test
  void refusesAnotherProvidersId() {
    assertThatThrownBy(
            () -> BucketAddress.parse(ID.replace("Microsoft.NetApp", "Microsoft.Storage")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("must be a Microsoft.NetApp resource id");
  }

  @Test
  void refusesABadNameInsideTheIdNamingItsField() {
    assertThatThrownBy(() -> BucketAddress.parse(ID.replace("bucket1", "192.168.5.4")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("bucket"));
    assertThatThrownBy(
            () -> BucketAddress.parse(ID.replace("00000000-0000-0000-0000-000000000000", "sub")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("subscriptionId"));
  }

  @Test
  void missingPartIsAValidationErrorNamingTheReferenceField() {
    assertThatThrownBy(
            () ->
                BucketAddress.builder()
                    .subscriptionId(BucketAddressRulesTest.SUB)
                    .resourceGroup("rg")
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("account");
              assertThat(e.rule()).isEqualTo("must not be null");
            });
  }
}
