package dev.rekey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.testkit.AcrEmulator;
import dev.rekey.testkit.ArmStorageEmulator;
import dev.rekey.testkit.ClassicStorageEmulator;
import dev.rekey.testkit.NetAppEmulator;
import dev.rekey.testkit.OntapEmulator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@RekeyEmulators
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RekeyEmulatorExtensionTest {
  private static final String SUB = "00000000-0000-0000-0000-000000000000";
  private static AcrEmulator firstAcr;

  private final AcrEmulator constructorAcr;

  RekeyEmulatorExtensionTest(AcrEmulator acr) {
    this.constructorAcr = acr;
  }

  @Test
  @Order(1)
  void injectsStartedEmulatorsOfEveryTypeOnLoopback(
      AcrEmulator acr,
      NetAppEmulator netApp,
      ArmStorageEmulator arm,
      ClassicStorageEmulator classic,
      OntapEmulator ontap)
      throws UnknownHostException {
    assertThat(InetAddress.getByName(acr.baseUrl().getHost()).isLoopbackAddress()).isTrue();
    assertThat(acr.baseUrl().getPort()).isPositive();
    assertThat(netApp.baseUrl().getPort()).isPositive();
    assertThat(arm.baseUrl().getPort()).isPositive();
    assertThat(classic.baseUrl().getPort()).isPositive();
    assertThat(ontap.baseUrl().getScheme()).isEqualTo("https");
    assertThat(ontap.certificatePem()).contains("BEGIN CERTIFICATE");
    assertThat(ontap.clusterUser("admin")).isPresent();
    assertThat(ontap.adminPassword().reveal()).isNotBlank();
    assertThat(acr).isSameAs(constructorAcr);
    firstAcr = acr;
    acr.addToken(SUB, "rg", "registry", "token");
    arm.addAccount(SUB, "rg", "account");
    assertThat(acr.token(SUB, "rg", "registry", "token")).isPresent();
  }

  @Test
  @Order(2)
  void givesTheSameInstanceToEveryTestOfTheClassWithItsStateReset(
      AcrEmulator acr, ArmStorageEmulator arm) {
    assertThat(acr).isSameAs(firstAcr).isSameAs(constructorAcr);
    assertThat(acr.token(SUB, "rg", "registry", "token")).isEmpty();
    assertThat(arm.account(SUB, "rg", "account")).isEmpty();
    assertThat(acr.requests()).isEmpty();
  }
}
