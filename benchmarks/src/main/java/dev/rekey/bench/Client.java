package dev.rekey.bench;

import java.util.List;

/**
 * Every client measured. Each is opened by reflection so a fresh JVM (cold start) loads only that
 * client's classes.
 */
public enum Client {
  FLOOR("raw OkHttp POST (floor)", "FloorCall", List.of("com.squareup.okhttp3:okhttp-jvm:jar")),
  REKEY_ACR("Rekey ACR", "RekeyAcrCall", List.of("dev.rekey:sdk-acr:jar")),
  REKEY_NETAPP("Rekey ANF bucket", "RekeyNetAppCall", List.of("dev.rekey:sdk-netapp:jar")),
  REKEY_CLASSIC("Rekey Storage classic (XML)", "RekeyClassicCall", List.of("dev.rekey:sdk-azure-storage:jar")),
  REKEY_ARM("Rekey Storage ARM", "RekeyArmCall", List.of("dev.rekey:sdk-azure-storage:jar")),
  REKEY_ONTAP("Rekey ONTAP", "RekeyOntapCall", List.of("dev.rekey:sdk-ontap:jar")),
  AZURE_ACR("Azure SDK ACR", "AzureAcrCall", List.of(
      "com.azure.resourcemanager:azure-resourcemanager-containerregistry:jar", "com.azure:azure-core-http-netty:jar"));

  private final String label;
  private final String className;
  private final List<String> artifacts;

  Client(String label, String simpleClassName, List<String> artifacts) {
    this.label = label;
    this.className = Client.class.getPackageName() + "." + simpleClassName;
    this.artifacts = artifacts;
  }

  /** Returns the name shown in the table. */
  public String label() {
    return label;
  }

  /** Returns the Maven artifacts ({@code group:artifact:type}) whose runtime closure this client needs. */
  public List<String> artifacts() {
    return artifacts;
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
