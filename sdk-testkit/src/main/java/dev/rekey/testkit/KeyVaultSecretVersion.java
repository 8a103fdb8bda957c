package dev.rekey.testkit;

import dev.rekey.core.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One version of a secret as the {@link KeyVaultEmulator} stores it: every {@code PUT} makes a new
 * one. {@code toString} masks the value.
 *
 * @param name the secret name as first written
 * @param version the version id, 32 lower-case hex digits
 * @param value the secret value
 * @param contentType the content type the writer gave, or null
 * @param tags the tags the writer gave
 * @param enabled whether the version may be read
 * @param notBefore the {@code nbf} attribute, or null
 * @param expires the {@code exp} attribute, or null
 * @param created when the version was made (whole seconds)
 */
public record KeyVaultSecretVersion(
    String name,
    String version,
    Secret value,
    @Nullable String contentType,
    Map<String, String> tags,
    boolean enabled,
    @Nullable Instant notBefore,
    @Nullable Instant expires,
    Instant created) {

  /** Copies the tags so a stored version never changes. */
  public KeyVaultSecretVersion {
    tags = Map.copyOf(tags);
  }

  /** Returns the {@code exp} attribute, if the writer set one. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expires);
  }
}
