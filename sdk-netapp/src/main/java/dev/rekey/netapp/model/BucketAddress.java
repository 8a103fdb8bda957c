package dev.rekey.netapp.model;

import dev.rekey.core.ValidationException;
import dev.rekey.core.internal.RekeyStyle;
import dev.rekey.core.internal.validate.Check;
import dev.rekey.netapp.internal.NetAppNames;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * Where an Azure NetApp Files volume bucket lives: subscription, resource group, NetApp account,
 * capacity pool, volume and bucket. Build one with {@link #builder()} or read a full ARM resource
 * id with {@link #parse(String)}; {@code build()} checks every name against the service's rules
 * before any I/O.
 */
@Value.Immutable
@RekeyStyle
public abstract class BucketAddress {
  static final String[] KEYWORDS = {
    "subscriptions",
    "resourceGroups",
    "providers",
    "netAppAccounts",
    "capacityPools",
    "volumes",
    "buckets"
  };
  private static final String SHAPE =
      "must be an ARM resource id of the form /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
          + "/providers/Microsoft.NetApp/netAppAccounts/{accountName}/capacityPools/{poolName}"
          + "/volumes/{volumeName}/buckets/{bucketName}";

  BucketAddress() {}

  /**
   * Returns a builder; {@code build()} throws {@link ValidationException} naming the field and
   * rule.
   */
  public static Builder builder() {
    return ImmutableBucketAddress.builder();
  }

  /**
   * Reads a bucket's full ARM resource id, e.g. {@code
   * /subscriptions/…/providers/Microsoft.NetApp/netAppAccounts/a1/capacityPools/p1/volumes/v1/buckets/b1}.
   * The fixed segments are compared case-insensitively, as ARM does; a trailing slash is allowed.
   *
   * @throws ValidationException {@code bucketId "<value>" must be an ARM resource id of the form …}
   *     when the shape is wrong, or naming the field whose value breaks its rule
   */
  public static BucketAddress parse(String resourceId) {
    String id = Check.notNull("bucketId", resourceId);
    String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
    String[] parts = trimmed.split("/", -1);
    if (parts.length != 15 || !parts[0].isEmpty()) {
      throw new ValidationException("bucketId", Check.quote(id), SHAPE);
    }
    for (int i = 0; i < KEYWORDS.length; i++) {
      if (!parts[1 + 2 * i].equalsIgnoreCase(KEYWORDS[i])) {
        throw new ValidationException(
            "bucketId",
            Check.quote(id),
            SHAPE + " (segment " + (2 + 2 * i) + " should be " + KEYWORDS[i] + ")");
      }
    }
    if (!parts[6].toLowerCase(Locale.ROOT).equals("microsoft.netapp")) {
      throw new ValidationException(
          "bucketId",
          Check.quote(id),
          "must be a Microsoft.NetApp resource id (provider was " + Check.quote(parts[6]) + ")");
    }
    return builder()
        .subscriptionId(parts[2])
        .resourceGroup(parts[4])
        .account(parts[8])
        .pool(parts[10])
        .volume(parts[12])
        .bucket(parts[14])
        .build();
  }

  /** Returns the subscription id, a UUID. */
  public abstract String subscriptionId();

  /** Returns the resource group name (the reference's {@code resourceGroupName}). */
  public abstract String resourceGroup();

  /** Returns the NetApp account name (the reference's {@code accountName}). */
  public abstract String account();

  /** Returns the capacity pool name (the reference's {@code poolName}). */
  public abstract String pool();

  /** Returns the volume name (the reference's {@code volumeName}). */
  public abstract String volume();

  /** Returns the bucket name (the reference's {@code bucketName}). */
  public abstract String bucket();

  /** Returns the bucket's full ARM resource id; {@link #parse(String)} reads it back. */
  public String toResourceId() {
    return "/subscriptions/"
        + subscriptionId()
        + "/resourceGroups/"
        + resourceGroup()
        + "/providers/Microsoft.NetApp/netAppAccounts/"
        + account()
        + "/capacityPools/"
        + pool()
        + "/volumes/"
        + volume()
        + "/buckets/"
        + bucket();
  }

  @Value.Check
  final void check() {
    NetAppNames.subscriptionId(subscriptionId());
    NetAppNames.resourceGroup(resourceGroup());
    NetAppNames.account(account());
    NetAppNames.pool(pool());
    NetAppNames.volume(volume());
    NetAppNames.bucket(bucket());
  }

  /**
   * Builds a {@link BucketAddress}: set all six names (the reference's path parameters); {@code
   * build()} checks each against the service's rules.
   */
  public abstract static class Builder {
    Builder() {}

    /** Copies every value of {@code instance} into this builder, e.g. to change one of them. */
    public abstract Builder from(BucketAddress instance);

    /** Sets the subscription id, a UUID. */
    public abstract Builder subscriptionId(String subscriptionId);

    /** Sets the resource group name: 1–90 characters of {@code [-\w._()]}, no trailing period. */
    public abstract Builder resourceGroup(String resourceGroup);

    /**
     * Sets the NetApp account name ({@code accountName}): 1–128 letters, digits, {@code -} or
     * {@code _}, not starting with {@code -} or {@code _}.
     */
    public abstract Builder account(String account);

    /**
     * Sets the capacity pool name ({@code poolName}): 1–64 letters, digits, {@code -} or {@code _},
     * not starting with {@code -} or {@code _}.
     */
    public abstract Builder pool(String pool);

    /**
     * Sets the volume name ({@code volumeName}): 1–64 letters, digits, {@code -} or {@code _},
     * starting with a letter.
     */
    public abstract Builder volume(String volume);

    /**
     * Sets the bucket name ({@code bucketName}): 3–63 lowercase letters, digits, {@code .} and
     * {@code -}, starting and ending with a letter or digit, not shaped like an IP address.
     */
    public abstract Builder bucket(String bucket);

    /**
     * Returns the address.
     *
     * @throws ValidationException naming the first field that is missing or breaks its rule
     */
    public abstract BucketAddress build();
  }
}
