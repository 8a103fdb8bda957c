package dev.rekey.rotation.azure.internal;

import dev.rekey.core.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Key Vault secret version as written or read: its value, content type, tags and {@code exp}.
 * {@code toString} masks the value (it is a {@link Secret}).
 *
 * @param version the version id, or empty when not yet written
 * @param value the secret value
 * @param contentType the content type, or null
 * @param tags the tags
 * @param expires the {@code exp} attribute, or null
 */
public record SecretBundle(
    String version,
    Secret value,
    @Nullable String contentType,
    Map<String, String> tags,
    @Nullable Instant expires) {

  /** Copies the tags. */
  public SecretBundle {
    tags = Map.copyOf(tags);
  }

  /** Returns the tag {@code name}, if set. */
  public Optional<String> tag(String name) {
    return Optional.ofNullable(tags.get(name));
  }
}
