package dev.rekey.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.core.Secret;
import dev.rekey.core.ServiceException;
import dev.rekey.ontap.OntapClient;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.Emulator;
import dev.rekey.testkit.OntapEmulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each client's reads under redirects, counted on the wire: ONTAP's login check (a GET) follows any
 * redirect to its own origin; ARM {@code listKeys}, a POST, follows only 307/308, which keep its
 * method; classic {@code getKeys} follows only the 307 Service Management documents; no read
 * follows a redirect to another origin, so no token or password leaves the service's origin.
 */
class ReadsFollowOnlySameOriginRedirectsTest {
  private static final String SUB = Target.SUB;
  private static final String ELSEWHERE = "https://elsewhere.invalid/";

  private static final ArmStorageEmulator arm = new ArmStorageEmulator();
  private static final ClassicStorageEmulator classic = new ClassicStorageEmulator();
  private static final OntapEmulator ontap = new OntapEmulator("Admin-pass-1");

  @BeforeAll
  static void start() {
    arm.start();
    classic.start();
    ontap.start();
  }

  @AfterAll
  static void stop() {
    arm.close();
    classic.close();
    ontap.close();
  }

  @Test
  void classicGetKeysFollowsTheDocumented307ToItsOwnOrigin() {
    redirectOnce(classic, "GET", "/.+/keys", 307, "");
    try (ClassicStorageKeysClient c = classicClient()) {
      assertThat(c.getKeys(r -> r.serviceName("account1")).primary().reveal()).isNotEmpty();
    }
    assertThat(classic.count("GET", "/.+/keys")).isEqualTo(2);
  }

  @ParameterizedTest(name = "HTTP {0} to the same URL")
  @ValueSource(ints = {301, 302, 303, 308})
  void classicGetKeysFollowsNoOtherRedirect(int status) {
    redirectOnce(classic, "GET", "/.+/keys", status, "");
    try (ClassicStorageKeysClient c = classicClient()) {
      assertNotSentOn(
          catchThrowableOfType(
              ServiceException.class, () -> c.getKeys(r -> r.serviceName("account1"))),
          status);
    }
    assertThat(classic.requests()).hasSize(1);
  }

  @ParameterizedTest(name = "HTTP {0} to the same URL")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void ontapLoginCheckFollowsAnyRedirectToItsOwnOrigin(int status) {
    ontap.reset();
    ontap.addClusterUser("ops", "Old-pass-1", false);
    ontap.faults().matching("GET", "/api/.+").respond(1, status, Map.of("Location", ""));
    try (OntapClient c = ontapClient()) {
      assertThat(c.verifyPassword(r -> r.name("ops").password(Secret.of("Old-pass-1")))).isTrue();
    }
    assertThat(ontap.count("GET", "/api/.+")).isEqualTo(2);
  }

  @ParameterizedTest(name = "HTTP {0} to the same URL")
  @ValueSource(ints = {307, 308})
  void armListKeysFollowsOnlyRedirectsThatKeepItsMethod(int status) {
    redirectOnce(arm, "POST", ".+/listKeys", status, "");
    try (StorageAccountKeysClient c = armClient()) {
      assertThat(c.listKeys(r -> r.resourceGroup(Target.RG).accountName("account1")).keys())
          .hasSize(2);
    }
    assertThat(arm.count("POST", ".+/listKeys")).isEqualTo(2);
  }

  @ParameterizedTest(name = "HTTP {0} to the same URL")
  @ValueSource(ints = {301, 302, 303})
  void armListKeysIsNotSentOnAsAGet(int status) {
    redirectOnce(arm, "POST", ".+/listKeys", status, "");
    ServiceException e;
    try (StorageAccountKeysClient c = armClient()) {
      e =
          catchThrowableOfType(
              ServiceException.class,
              () -> c.listKeys(r -> r.resourceGroup(Target.RG).accountName("account1")));
    }
    assertNotSentOn(e, status);
    assertThat(arm.requests()).hasSize(1);
  }

  @ParameterizedTest(name = "HTTP {0} to another origin")
  @ValueSource(ints = {302, 307})
  void noReadFollowsARedirectToAnotherOrigin(int status) {
    redirectOnce(classic, "GET", "/.+/keys", status, ELSEWHERE);
    try (ClassicStorageKeysClient c = classicClient()) {
      assertNotSentOn(
          catchThrowableOfType(
              ServiceException.class, () -> c.getKeys(r -> r.serviceName("account1"))),
          status);
    }
    assertThat(classic.requests()).hasSize(1);

    redirectOnce(arm, "POST", ".+/listKeys", status, ELSEWHERE);
    try (StorageAccountKeysClient c = armClient()) {
      assertNotSentOn(
          catchThrowableOfType(
              ServiceException.class,
              () -> c.listKeys(r -> r.resourceGroup(Target.RG).accountName("account1"))),
          status);
    }
    assertThat(arm.requests()).hasSize(1);

    ontap.reset();
    ontap.faults().matching("GET", "/api/.+").respond(1, status, Map.of("Location", ELSEWHERE));
    try (OntapClient c = ontapClient()) {
      assertNotSentOn(
          catchThrowableOfType(
              ServiceException.class,
              () -> c.verifyPassword(r -> r.name("admin").password(Secret.of("Admin-pass-1")))),
          status);
    }
    assertThat(ontap.requests()).hasSize(1);
  }

  private static void redirectOnce(
      Emulator emulator, String method, String path, int status, String location) {
    emulator.reset();
    if (emulator == arm) {
      arm.addAccount(SUB, Target.RG, "account1");
    } else if (emulator == classic) {
      classic.addAccount(SUB, "account1");
    }
    emulator.faults().matching(method, path).respond(1, status, Map.of("Location", location));
  }

  private static void assertNotSentOn(ServiceException e, int status) {
    assertThat(e).isNotNull();
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.getMessage()).contains("not sent on");
  }

  private static ClassicStorageKeysClient classicClient() {
    return ClassicStorageKeysClient.builder()
        .subscriptionId(SUB)
        .credential(Target.freshTokens())
        .options(Target.options(classic).build())
        .build();
  }

  private static StorageAccountKeysClient armClient() {
    return StorageAccountKeysClient.builder()
        .subscriptionId(SUB)
        .credential(Target.freshTokens())
        .options(Target.options(arm).build())
        .build();
  }

  private static OntapClient ontapClient() {
    return OntapClient.builder()
        .options(Target.options(ontap).build())
        .trustCertificatePem(ontap.certificatePem())
        .basic("admin", ontap.adminPassword())
        .build();
  }
}
