package dev.rekey.azure.storage.model;

import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Required;
import org.immutables.value.Value;

/** A request to read the keys of a classic storage service (a read: safe to repeat). */
@Value.Immutable
@RekeyStyle
public abstract class GetKeysRequest {

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the storage service (account) name: 3–24 lowercase letters and digits. */
  public abstract String serviceName();

  @Value.Check
  void check() {
    StorageNames.account("serviceName", serviceName());
  }

  /** Builds a {@link GetKeysRequest}; {@code build()} throws {@link ValidationException}. */
  public static final class Builder extends ImmutableGetKeysRequest.Builder {
    /**
     * Returns the request.
     *
     * @throws ValidationException naming the field that is missing or breaks its rule
     */
    @Override
    public GetKeysRequest build() {
      return Required.build(super::build);
    }
  }
}
