package dev.rekey.examples;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.rekey.acr.AcrClient;
import dev.rekey.azure.storage.ClassicStorageKeysClient;
import dev.rekey.azure.storage.StorageAccountKeysClient;
import dev.rekey.core.ClientCertificate;
import dev.rekey.core.ClientOptions;
import dev.rekey.core.Secret;
import dev.rekey.netapp.NetAppClient;
import dev.rekey.netapp.model.BucketAddress;
import dev.rekey.ontap.OntapClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Real endpoints, one service at a time, read from the environment variables the examples document;
 * shared by the examples and {@code Tour --real}. Nothing here does network I/O until a client
 * call.
 *
 * <p>Optional for every Azure service: {@code REKEY_ENDPOINT} overrides the management endpoint
 * (e.g. to point the same code at an emulator). Optional for classic storage: {@code
 * AZURE_MANAGEMENT_CERTIFICATE} (a PKCS#12 file) and {@code AZURE_MANAGEMENT_CERTIFICATE_PASSWORD}
 * instead of a token. Optional for ONTAP: {@code ONTAP_CA_FILE} (a PEM certificate to trust).
 */
final class RealTargets {
  /** The services {@code Tour --real} accepts, each with the variables it needs. */
  static final Map<String, List<String>> REQUIRED =
      Map.of(
          "acr",
              List.of("AZURE_SUBSCRIPTION_ID", "ACR_RESOURCE_GROUP", "ACR_REGISTRY", "ACR_TOKEN"),
          "netapp", List.of("ANF_BUCKET_ID"),
          "storage-classic", List.of("AZURE_SUBSCRIPTION_ID", "AZURE_STORAGE_ACCOUNT"),
          "storage-arm",
              List.of(
                  "AZURE_SUBSCRIPTION_ID", "AZURE_STORAGE_RESOURCE_GROUP", "AZURE_STORAGE_ACCOUNT"),
          "ontap",
              List.of(
                  "ONTAP_ADDRESS",
                  "ONTAP_USER",
                  "ONTAP_PASSWORD",
                  "ONTAP_TARGET_USER",
                  "ONTAP_NEW_PASSWORD"));

  private final Map<String, String> env;
  private final Supplier<TokenCredential> credential;

  /** Reads the process environment and signs in to Azure with {@code DefaultAzureCredential}. */
  static RealTargets fromEnvironment() {
    return new RealTargets(System.getenv(), () -> new DefaultAzureCredentialBuilder().build());
  }

  /** Reads {@code env}; {@code credential} is asked for only when an Azure client is built. */
  RealTargets(Map<String, String> env, Supplier<TokenCredential> credential) {
    this.env = env;
    this.credential = credential;
  }

  /** Returns the variables {@code service} needs that are not set (blank counts as not set). */
  List<String> missing(String service) {
    return REQUIRED.get(service).stream().filter(name -> get(name) == null).toList();
  }

  /** Returns whether every variable {@code service} needs is set. */
  boolean configured(String service) {
    return missing(service).isEmpty();
  }

  /** Returns the value of a variable {@link #REQUIRED} names for a configured service. */
  String required(String name) {
    String value = get(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " must be set");
    }
    return value;
  }

  /** Returns the trimmed value of {@code name}, or null when it is unset or blank. */
  @Nullable String get(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  AcrClient acr() {
    return AcrClient.builder()
        .credential(credential.get())
        .subscriptionId(required("AZURE_SUBSCRIPTION_ID"))
        .options(azureOptions())
        .build();
  }

  BucketAddress bucket() {
    return BucketAddress.parse(required("ANF_BUCKET_ID"));
  }

  NetAppClient netApp() {
    return NetAppClient.builder().credential(credential.get()).options(azureOptions()).build();
  }

  StorageAccountKeysClient storageArm() {
    return StorageAccountKeysClient.builder()
        .credential(credential.get())
        .subscriptionId(required("AZURE_SUBSCRIPTION_ID"))
        .options(azureOptions())
        .build();
  }

  ClassicStorageKeysClient storageClassic() {
    ClassicStorageKeysClient.Builder builder =
        ClassicStorageKeysClient.builder()
            .subscriptionId(required("AZURE_SUBSCRIPTION_ID"))
            .options(azureOptions());
    String certificate = get("AZURE_MANAGEMENT_CERTIFICATE");
    if (certificate != null) {
      Secret password = Secret.of(required("AZURE_MANAGEMENT_CERTIFICATE_PASSWORD"));
      builder.managementCertificate(ClientCertificate.fromPkcs12(Path.of(certificate), password));
    } else {
      builder.credential(credential.get());
    }
    return builder.build();
  }

  OntapClient ontap() {
    OntapClient.Builder builder =
        OntapClient.builder()
            .endpoint(URI.create(required("ONTAP_ADDRESS")))
            .basic(required("ONTAP_USER"), Secret.of(required("ONTAP_PASSWORD")));
    String caFile = get("ONTAP_CA_FILE");
    if (caFile != null) {
      try {
        builder.trustCertificatePem(Files.readString(Path.of(caFile)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read ONTAP_CA_FILE " + caFile, e);
      }
    }
    return builder.build();
  }

  private ClientOptions azureOptions() {
    String endpoint = get("REKEY_ENDPOINT");
    return endpoint == null
        ? ClientOptions.defaults()
        : ClientOptions.builder().endpoint(URI.create(endpoint)).build();
  }
}
