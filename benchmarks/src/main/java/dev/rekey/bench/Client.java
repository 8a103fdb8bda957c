package dev.rekey.bench;

import java.util.List;

/**
 * Every client measured, with the floor it is compared with. Each is opened by reflection so a
 * fresh JVM (cold start) loads only that client's classes. Rekey's Azure clients speak plain
 * HTTP/1.1 to the stub, like the floor; ONTAP (https only, a safety check) and the Azure SDK (its
 * bearer policy refuses http) speak HTTPS and are compared with the HTTPS floor.
 */
public enum Client {
  FLOOR(
      "raw OkHttp POST (floor)",
      "FloorCall",
      List.of("com.squareup.okhttp3:okhttp-jvm:jar"),
      false),
  FLOOR_TLS(
      "raw OkHttp POST, HTTPS (floor)",
      "FloorTlsCall",
      List.of("com.squareup.okhttp3:okhttp-jvm:jar"),
      true),
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
   * Returns the floor this client's ratios are taken to: the raw OkHttp call on the same protocol.
   */
  public Client floor() {
    return tls ? FLOOR_TLS : FLOOR;
  }

  /**
   * Whether this only serves as a cold-start reference: the floor that first makes the azure-core
   * credential every Rekey Azure client is given. It has no JMH or burst figures.
   */
  public boolean coldStartReference() {
    return this == FLOOR_CREDENTIAL;
  }

  /** Whether this is one of Rekey's clients (the ones with targets). */
  public boolean rekey() {
    return name().startsWith("REKEY");
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
