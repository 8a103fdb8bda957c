package dev.rekey.azure.storage.model;

import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Required;
import org.immutables.value.Value;

/** A request to regenerate one key of a classic storage service. */
@Value.Immutable
@RekeyStyle
public abstract class RegenerateKeysRequest {

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the storage service (account) name: 3–24 lowercase letters and digits. */
  public abstract String serviceName();

  /** Returns which key to regenerate. */
  public abstract KeyType keyType();

  @Value.Check
  void check() {
    StorageNames.account("serviceName", serviceName());
  }

  /** Builds a {@link RegenerateKeysRequest}; {@code build()} throws {@link ValidationException}. */
  public static final class Builder extends ImmutableRegenerateKeysRequest.Builder {
    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    @Override
    public RegenerateKeysRequest build() {
      return Required.build(super::build);
    }
  }
}
