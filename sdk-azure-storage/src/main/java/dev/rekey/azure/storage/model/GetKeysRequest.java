package dev.rekey.azure.storage.model;

import dev.rekey.azure.storage.internal.StorageNames;
import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import org.immutables.value.Value;

/** A request to read the keys of a classic storage service (a read: safe to repeat). */
@Value.Immutable
@RekeyStyle
public abstract class GetKeysRequest {
  GetKeysRequest() {} // only the generated implementation extends it: none skips its checks

  /** Returns a builder; {@code build()} throws {@link ValidationException} on a bad name. */
  public static Builder builder() {
    return ImmutableGetKeysRequest.builder();
  }

  /** Returns a builder holding this request's values, to make a changed copy. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** Returns the storage service (account) name: 3–24 lowercase letters and digits. */
  public abstract String serviceName();

  @Value.Check
  void check() {
    StorageNames.account("serviceName", serviceName());
  }

  /** Builds a {@link GetKeysRequest}: set {@link #serviceName}; {@code build()} validates. */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(GetKeysRequest instance);

    /** Sets the storage service (account) name: 3–24 lowercase letters and digits. */
    public abstract Builder serviceName(String serviceName);

    /**
     * Returns the request.
     *
     * @throws ValidationException naming the field that is missing or breaks its rule
     */
    public abstract GetKeysRequest build();
  }
}
