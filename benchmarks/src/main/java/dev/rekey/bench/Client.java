package dev.rekey.bench;

import java.util.List;

/**
 * Every client measured, with the floor it is compared with: the same call through raw OkHttp on
 * the same protocol ({@link FloorWire}). Each is opened by reflection so a fresh JVM (cold start)
 * loads only that client's classes. Rekey's Azure clients speak plain HTTP/1.1 to the stub; ONTAP
 * (https only, a safety check) and the Azure SDK (its bearer policy refuses http) speak HTTPS.
 */
public enum Client {
  FLOOR("raw OkHttp: ACR call (floor)", "FloorCall", okhttp(), false),
  FLOOR_NETAPP("raw OkHttp: ANF call (floor)", "FloorNetAppCall", okhttp(), false),
  FLOOR_CLASSIC("raw OkHttp: classic call (floor)", "FloorClassicCall", okhttp(), false),
  FLOOR_ARM("raw OkHttp: ARM storage call (floor)", "FloorArmCall", okhttp(), false),
  FLOOR_ONTAP("raw OkHttp: ONTAP call, HTTPS (floor)", "FloorOntapCall", okhttp(), true),
  FLOOR_TLS("raw OkHttp: ACR call, HTTPS (floor)", "FloorTlsCall", okhttp(), true),
  FLOOR_CREDENTIAL(
      "raw OkHttp POST + azure-core credential (reference)",
      "FloorCredentialCall",
      List.of("com.squareup.okhttp3:okhttp-jvm:jar", "com.azure:azure-core:jar"),
      false),
  REKEY_ACR("Rekey ACR", "RekeyAcrCall", List.of("dev.rekey:sdk-acr:jar"), false),
  REKEY_NETAPP("Rekey ANF bucket", "RekeyNetAppCall", List.of("dev.rekey:sdk-netapp:jar"), false),
  REKEY_CLASSIC(
      "Rekey Storage classic (XML)",
      "RekeyClassicCall",
      List.of("dev.rekey:sdk-azure-storage:jar"),
      false),
  REKEY_ARM("Rekey Storage ARM", "RekeyArmCall", List.of("dev.rekey:sdk-azure-storage:jar"), false),
  REKEY_ONTAP("Rekey ONTAP (HTTPS)", "RekeyOntapCall", List.of("dev.rekey:sdk-ontap:jar"), true),
  REKEY_ACR_APPCDS(
      "Rekey ACR + AppCDS archive (README recipe)",
      "RekeyAcrCall",
      List.of("dev.rekey:sdk-acr:jar"),
      false),
  AZURE_ACR(
      "Azure SDK ACR (HTTPS)",
      "AzureAcrCall",
      List.of(
          "com.azure.resourcemanager:azure-resourcemanager-containerregistry:jar",
          "com.azure:azure-core-http-netty:jar"),
      true);

  private final String label;
  private final String className;
  private final List<String> artifacts;
  private final boolean tls;

  Client(String label, String simpleClassName, List<String> artifacts, boolean tls) {
    this.label = label;
    this.className = Client.class.getPackageName() + "." + simpleClassName;
    this.artifacts = artifacts;
    this.tls = tls;
  }

  private static List<String> okhttp() {
    return List.of("com.squareup.okhttp3:okhttp-jvm:jar");
  }

  /** Returns the name shown in the table. */
  public String label() {
    return label;
  }

  /**
   * Returns the Maven artifacts ({@code group:artifact:type}) whose runtime closure this client
   * needs.
   */
  public List<String> artifacts() {
    return artifacts;
  }

  /** Whether this client speaks HTTPS to the stub. */
  public boolean tls() {
    return tls;
  }

  /**
   * Returns the floor this client's ratios are taken to: its own call through raw OkHttp, on the
   * same protocol (a floor is its own floor).
   */
  public Client floor() {
    return switch (this) {
      case REKEY_ACR, REKEY_ACR_APPCDS, FLOOR_CREDENTIAL -> FLOOR;
      case REKEY_NETAPP -> FLOOR_NETAPP;
      case REKEY_CLASSIC -> FLOOR_CLASSIC;
      case REKEY_ARM -> FLOOR_ARM;
      case REKEY_ONTAP -> FLOOR_ONTAP;
      case AZURE_ACR -> FLOOR_TLS;
      default -> this;
    };
  }

  /** Whether this is a floor: a raw OkHttp call that Rekey's figures are divided by. */
  public boolean isFloor() {
    return floor() == this;
  }

  /**
   * Whether only its cold start is measured: the floor that first makes the azure-core credential
   * every Rekey Azure client is given (a reference), and Rekey ACR started from an AppCDS archive
   * (README's recipe, an extra without a target). Neither has JMH or burst figures.
   */
  public boolean coldStartOnly() {
    return this == FLOOR_CREDENTIAL || appCds();
  }

  /** Whether this cold start runs from an AppCDS archive its own first run wrote. */
  public boolean appCds() {
    return this == REKEY_ACR_APPCDS;
  }

  /**
   * Whether the 64-call burst is measured for this client. Burst figures have no ratio, so of the
   * floors only the ACR call's (plain and HTTPS) is kept, as a reference.
   */
  public boolean inBurst() {
    return !coldStartOnly() && (!isFloor() || this == FLOOR || this == FLOOR_TLS);
  }

  /** Whether this is one of Rekey's clients with targets. */
  public boolean rekey() {
    return name().startsWith("REKEY") && !appCds();
  }

  /** Builds the client against the stub. */
  public Call open() {
    try {
      return (Call) Class.forName(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot open " + this, e);
    }
  }
}
