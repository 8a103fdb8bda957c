package dev.rekey.rotation.azure;

import com.azure.core.credential.TokenCredential;
import dev.rekey.azure.AzureClientBuilder;
import dev.rekey.core.RekeyException;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.core.internal.validate.CredentialUrls;
import dev.rekey.rotation.Credential;
import dev.rekey.rotation.Published;
import dev.rekey.rotation.RotationContext;
import dev.rekey.rotation.Sink;
import dev.rekey.rotation.azure.internal.KeyVaultRecords;
import dev.rekey.rotation.azure.internal.KeyVaultSecrets;
import dev.rekey.rotation.azure.internal.SecretBundle;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Publishes rotated credentials to Azure Key Vault through Rekey's own pipeline. Each publication
 * is a {@code PUT secrets/{name}}, which makes a new version (so readers of the latest version
 * switch atomically), tagged {@code rekey-rotation-id}, {@code rekey-target}, {@code rekey-slot}
 * and {@code rekey-state=current}, with {@code exp} set from the credential's expiry; the version
 * is read back and compared before the call returns, so the engine retires the old slot only after
 * Key Vault holds the new value. A staged (pending) value goes to a sibling secret, {@code
 * {name}-pending}, which applications do not read. Every call probes first, so repeating one after
 * a crash writes nothing new. Thread-safe; {@link #close()} releases its connections.
 *
 * <pre>{@code
 * KeyVaultSink sink = KeyVaultSink.builder()
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .vaultName("my-vault")                 // https://my-vault.vault.azure.net
 *     .secretName("storage-key")
 *     .build();
 * }</pre>
 */
public final class KeyVaultSink implements Sink, AutoCloseable {
  private static final Pattern VAULT_NAME =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$");
  private static final Pattern SECRET_NAME = Pattern.compile("^[0-9a-zA-Z-]{1,119}$");
  private static final String PENDING_SUFFIX = "-pending";

  private final KeyVaultSecrets secrets;
  private final @Nullable String secretName;

  private KeyVaultSink(KeyVaultSecrets secrets, @Nullable String secretName) {
    this.secrets = secrets;
    this.secretName = secretName;
  }

  /** Returns a builder; a credential and a vault (name or URL) are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes {@code credential} as a new current version and reads it back.
   *
   * @throws dev.rekey.core.ServiceException if Key Vault refused the write or the read
   * @throws RekeyException if the version read back differs from what was written
   */
  @Override
  public void publish(RotationContext context, Credential credential) {
    write(
        secretOf(context.targetId()),
        KeyVaultRecords.bundle(context, credential, KeyVaultRecords.CURRENT));
  }

  /**
   * Writes {@code credential} as a new version of the pending secret, {@code {name}-pending}, and
   * reads it back; what applications read does not change.
   *
   * @throws dev.rekey.core.ServiceException if Key Vault refused the write or the read
   * @throws RekeyException if the version read back differs from what was written
   */
  @Override
  public void stage(RotationContext context, Credential credential) {
    write(
        secretOf(context.targetId()) + PENDING_SUFFIX,
        KeyVaultRecords.bundle(context, credential, KeyVaultRecords.PENDING));
  }

  /**
   * Writes the value staged by {@code context}'s rotation as a new current version; nothing when
   * that rotation's value is already current.
   *
   * @throws IllegalStateException if that rotation staged nothing and is not current
   * @throws dev.rekey.core.ServiceException if Key Vault refused a call
   */
  @Override
  public void promote(RotationContext context) {
    String name = secretOf(context.targetId());
    if (current(context.targetId())
        .filter(p -> p.rotationId().equals(context.rotationId()))
        .isPresent()) {
      return;
    }
    Published staged =
        secrets
            .get(name + PENDING_SUFFIX, null)
            .map(b -> KeyVaultRecords.published(name + PENDING_SUFFIX, b, context.targetId()))
            .filter(p -> p.rotationId().equals(context.rotationId()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "rotation "
                            + context.rotationId()
                            + " staged nothing in Key Vault secret "
                            + name
                            + PENDING_SUFFIX));
    publish(context, staged.credential());
  }

  /**
   * Returns the latest version of the target's secret: its slot (the slot in use), rotation id,
   * value and Key Vault version id.
   *
   * @throws RekeyException if the latest version carries no Rekey tags
   * @throws dev.rekey.core.ServiceException if Key Vault refused the read
   */
  @Override
  public Optional<Published> current(String targetId) {
    String name = secretOf(targetId);
    return secrets.get(name, null).map(b -> KeyVaultRecords.published(name, b, targetId));
  }

  /**
   * Returns the latest version of the pending secret unless its rotation is already current.
   *
   * @throws RekeyException if a version carries no Rekey tags
   * @throws dev.rekey.core.ServiceException if Key Vault refused a read
   */
  @Override
  public Optional<Published> pending(String targetId) {
    String name = secretOf(targetId) + PENDING_SUFFIX;
    Optional<Published> staged =
        secrets.get(name, null).map(b -> KeyVaultRecords.published(name, b, targetId));
    if (staged.isEmpty()) {
      return staged;
    }
    String promoted = current(targetId).map(Published::rotationId).orElse(null);
    return staged.filter(p -> !p.rotationId().equals(promoted));
  }

  /** Releases the connections and threads of the sink's pipeline. */
  @Override
  public void close() {
    secrets.close();
  }

  private void write(String name, SecretBundle wanted) {
    if (secrets
        .get(name, null)
        .filter(latest -> KeyVaultRecords.holds(latest, wanted))
        .isPresent()) {
      return;
    }
    SecretBundle written = secrets.set(name, wanted);
    SecretBundle readBack =
        secrets
            .get(name, written.version())
            .orElseThrow(
                () ->
                    new RekeyException(
                        "Key Vault secret "
                            + name
                            + " version "
                            + written.version()
                            + " was written but cannot be read back"));
    if (!KeyVaultRecords.holds(readBack, wanted)) {
      throw new RekeyException(
          "Key Vault secret "
              + name
              + " version "
              + written.version()
              + " read back differs from what was written");
    }
  }

  /**
   * Returns the configured secret name, or one made from the target id (other characters become
   * dashes).
   */
  private String secretOf(String targetId) {
    if (secretName != null) {
      return secretName;
    }
    String derived = targetId.replaceAll("[^0-9a-zA-Z-]", "-");
    return derived.length() > 119 ? derived.substring(0, 119) : derived;
  }

  @Override
  public String toString() {
    return "KeyVaultSink[" + secrets + (secretName == null ? "" : ", " + secretName) + "]";
  }

  /** Builds a {@link KeyVaultSink}; the cloud gives the vault DNS suffix and the token scope. */
  public static final class Builder extends AzureClientBuilder<Builder> {
    private @Nullable String vaultName;
    private @Nullable URI vaultUrl;
    private @Nullable String secretName;

    private Builder() {}

    /** Sets the vault by name: {@code https://{name}.{cloud's vault suffix}}. */
    public Builder vaultName(String vaultName) {
      this.vaultName = vaultName;
      return this;
    }

    /**
     * Sets the vault URL, e.g. {@code https://my-vault.vault.azure.net} or an emulator's; wins over
     * the name.
     */
    public Builder vaultUrl(URI vaultUrl) {
      this.vaultUrl = vaultUrl;
      return this;
    }

    /**
     * Sets the secret the target is published to (1-119 letters, digits and dashes: the pending
     * secret adds {@code -pending}); by default each target's id with other characters as dashes.
     * One secret holds one target: a version tagged with another target is refused when read.
     */
    public Builder secretName(String secretName) {
      this.secretName = secretName;
      return this;
    }

    /**
     * Returns the sink.
     *
     * @throws ValidationException if no credential or vault is set, or a name breaks Key Vault's
     *     rules
     */
    public KeyVaultSink build() {
      TokenCredential credential = Check.notNull("credential", configuredCredential());
      if (secretName != null) {
        Check.matches(
            "secretName", secretName, SECRET_NAME, "must be 1-119 letters, digits and dashes");
      }
      HttpUrl vault;
      if (vaultUrl != null) {
        vault = CredentialUrls.checked("vaultUrl", vaultUrl);
      } else if (configuredOptions().endpoint().isPresent()) {
        vault = HttpUrl.get(configuredOptions().endpoint().get());
      } else {
        Check.matches(
            "vaultName",
            vaultName,
            VAULT_NAME,
            "must be 3-24 letters, digits and dashes, starting with a letter");
        vault =
            HttpUrl.get("https://" + vaultName + "." + configuredCloud().keyVaultDnsSuffix() + "/");
      }
      return new KeyVaultSink(
          new KeyVaultSecrets(configuredOptions(), credential, configuredCloud(), vault),
          secretName);
    }
  }
}
