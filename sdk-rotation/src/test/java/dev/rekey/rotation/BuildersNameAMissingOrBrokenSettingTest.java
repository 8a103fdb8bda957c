package dev.rekey.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.acr.AcrClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.core.Secret;
import dev.rekey.core.ValidationException;
import dev.rekey.ontap.OntapClient;
import dev.rekey.rotation.azure.AcrPasswordTarget;
import dev.rekey.rotation.azure.StorageKeyTarget;
import dev.rekey.rotation.ontap.OntapPasswordTarget;
import dev.rekey.testkit.FakeTokenCredential;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The rotation builders keep the project's promise: a setting missing or broken at {@code build()}
 * is a {@link ValidationException} naming the field and the rule, never a bare {@link
 * NullPointerException} or {@link IllegalArgumentException}.
 */
class BuildersNameAMissingOrBrokenSettingTest {
  private static final Verifier ACCEPTS_ALL = (context, credential) -> {};
  private static final AcrClient ACR =
      AcrClient.builder()
          .subscriptionId(World.SUB)
          .credential(FakeTokenCredential.INSTANCE)
          .build();
  private static final StorageAccountKeysClient STORAGE =
      StorageAccountKeysClient.builder()
          .subscriptionId(World.SUB)
          .credential(FakeTokenCredential.INSTANCE)
          .build();
  private static final OntapClient ONTAP =
      OntapClient.builder()
          .endpoint(URI.create("https://cluster.invalid"))
          .basic("admin", Secret.of("not-used"))
          .build();

  @AfterAll
  static void close() {
    ACR.close();
    STORAGE.close();
    ONTAP.close();
  }

  private static void refused(ThrowingCallable build, String field, String message) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessage(message);
  }

  @Test
  void aRotatorWithoutASinkOrAJournalNamesTheMissingOne() {
    refused(
        () -> Rotator.builder().journal(new MemoryJournal()).build(),
        "sink",
        "sink null must not be null");
    refused(
        () -> Rotator.builder().sink(CallbackSink.of((c, v) -> {})).build(),
        "journal",
        "journal null must not be null");
  }

  @Test
  void aNegativeGracePeriodIsRefusedNamingRetireAfter() {
    refused(
        () ->
            Rotator.builder()
                .sink(CallbackSink.of((c, v) -> {}))
                .journal(new MemoryJournal())
                .retireAfter(Duration.ofSeconds(-1))
                .build(),
        "retireAfter",
        "retireAfter \"PT-1S\" must not be negative");
  }

  @Test
  void aNegativePolicyDurationIsRefusedNamingIt() {
    refused(
        () -> Policy.olderThan(Duration.ofDays(-1)),
        "maxAge",
        "maxAge \"PT-24H\" must not be negative");
    refused(
        () -> Policy.expiringWithin(Duration.ofDays(-1)),
        "window",
        "window \"PT-24H\" must not be negative");
    refused(
        () -> Policy.always().orExpiringWithin(Duration.ofDays(-1)),
        "window",
        "window \"PT-24H\" must not be negative");
  }

  @Test
  void anAcrTargetWithoutATokenNamesIt() {
    refused(
        () ->
            AcrPasswordTarget.builder()
                .client(ACR)
                .resourceGroup("rg")
                .registry("myregistry")
                .verifier(ACCEPTS_ALL)
                .build(),
        "token",
        "token null must not be null");
  }

  @Test
  void aStorageTargetWithoutAnAccountNamesIt() {
    refused(
        () ->
            StorageKeyTarget.builder()
                .client(STORAGE)
                .resourceGroup("rg")
                .verifier(ACCEPTS_ALL)
                .build(),
        "account",
        "account null must not be null");
  }

  @Test
  void anOntapTargetWithoutAUserOrClientNamesIt() {
    refused(
        () -> OntapPasswordTarget.builder().client(ONTAP).build(),
        "user",
        "user null must not be null");
    refused(
        () -> OntapPasswordTarget.builder().user("svc-backup").build(),
        "client",
        "client null must not be null");
  }
}
