package dev.rekey.azure.storage.model;

import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Required;
import org.immutables.value.Value;

/**
 * A request to regenerate the key of a classic storage service that is <em>not</em> in use: with
 * {@link #inUse()} {@code PRIMARY} it regenerates the secondary key.
 */
@Value.Immutable
@RekeyStyle
public abstract class RotateStandbyServiceKeyRequest {

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the storage service (account) name: 3–24 lowercase letters and digits. */
  public abstract String serviceName();

  /** Returns the key applications use now; it is left as it is. */
  public abstract KeyType inUse();

  /** Returns the key that is regenerated: the {@link KeyType#other() other} one. */
  public KeyType standby() {
    return inUse().other();
  }

  @Value.Check
  void check() {
    StorageNames.account("serviceName", serviceName());
  }

  /** Builds a {@link RotateStandbyServiceKeyRequest}; {@code build()} throws {@link ValidationException}. */
  public static final class Builder extends ImmutableRotateStandbyServiceKeyRequest.Builder {
    /**
     * Returns the request.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    @Override
    public RotateStandbyServiceKeyRequest build() {
      return Required.build(super::build);
    }
  }
}
