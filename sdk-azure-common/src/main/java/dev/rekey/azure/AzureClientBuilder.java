package dev.rekey.azure;

import com.azure.core.credential.TokenCredential;
import dev.rekey.core.ClientOptions;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What every Rekey Azure client builder takes: where tokens come from, which cloud, and transport
 * options. Each client's {@code Builder} extends it and adds its own settings.
 *
 * @param <B> the concrete builder, returned by every setter for chaining
 */
public abstract class AzureClientBuilder<B extends AzureClientBuilder<B>> {
  private @Nullable TokenCredential credential;
  private AzureCloud cloud = AzureCloud.PUBLIC;
  private @Nullable ClientOptions
      options; // defaults read at build: an env typo cannot break builder()

  /** Creates a builder with the public cloud and default options. */
  protected AzureClientBuilder() {}

  /**
   * Sets where bearer tokens come from: any azure-core {@code TokenCredential}, e.g. Azure
   * Identity's {@code DefaultAzureCredential}.
   *
   * @throws NullPointerException if {@code credential} is null
   */
  public final B credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential == null");
    return self();
  }

  /**
   * Sets the Azure cloud, whose endpoints and token scopes are used; {@link AzureCloud#PUBLIC} by
   * default.
   *
   * @throws NullPointerException if {@code cloud} is null
   */
  public final B cloud(AzureCloud cloud) {
    this.cloud = Objects.requireNonNull(cloud, "cloud == null");
    return self();
  }

  /**
   * Sets transport options; their {@code endpoint}, when set, replaces the cloud's endpoint (the
   * token scope stays the cloud's).
   *
   * @throws NullPointerException if {@code options} is null
   */
  public final B options(ClientOptions options) {
    this.options = Objects.requireNonNull(options, "options == null");
    return self();
  }

  /** Returns the credential set, if any. */
  protected final @Nullable TokenCredential configuredCredential() {
    return credential;
  }

  /** Returns the cloud set, or the public cloud. */
  protected final AzureCloud configuredCloud() {
    return cloud;
  }

  /** Returns the options set, or the defaults. */
  protected final ClientOptions configuredOptions() {
    return options != null ? options : ClientOptions.defaults();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }
}
